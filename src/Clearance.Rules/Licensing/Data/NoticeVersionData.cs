namespace Clearance.Rules.Licensing.Data;

/// <summary>A dated version of what the engine says beside a requirement (guidance, an enforcement posture); no text = nothing to say.</summary>
sealed record NoticeVersionData : VersionData
{
    public string? Code { get; init; }

    public string? Text { get; init; }
}
