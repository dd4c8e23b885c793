namespace Clearance.Rules.Licensing.Data;

/// <summary>A revenue share reported as a condition of licenses for named items; it is a license term, not an EAR requirement.</summary>
sealed record RevenueShareData
{
    public required IReadOnlyList<string> Items { get; init; }
    public required double Percent { get; init; }
    public required DateOnly From { get; init; }
    public required IReadOnlyList<string> Destinations { get; init; }
    public required string Citation { get; init; }
    public string? Conflict { get; init; }
}
