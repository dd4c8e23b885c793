namespace Clearance.Rules.Licensing.Data;

/// <summary>The Chinese side's posture on imports of U.S. chips (the second gate): dated facts shown on the lines they concern.</summary>
sealed record ChinaSideData
{
    public required IReadOnlyList<string> Destinations { get; init; }
    public required IReadOnlyList<ChinaSideFactData> Facts { get; init; }
}

sealed record ChinaSideFactData
{
    public required DateOnly Date { get; init; }
    public IReadOnlyList<string> Items { get; init; } = [];
    public IReadOnlyList<string> ItemPrefixes { get; init; } = [];
    public bool AllItems { get; init; }
    public required string Text { get; init; }
    public required string Citation { get; init; }
    public bool Unconfirmed { get; init; } = true;
}
