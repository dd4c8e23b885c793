namespace Clearance.Rules.Licensing.Data;

/// <summary>The license requirement for entities headquartered (or whose ultimate parent is headquartered) in Macau or
/// D:5, wherever they are: where it is codified, its review policy and what BIS said about it, each as dated versions.</summary>
sealed record HeadquartersData
{
    public required IReadOnlyList<CitationVersionData> Requirement { get; init; }
    public required IReadOnlyList<PolicyVersionData> ReviewPolicies { get; init; }
    public required IReadOnlyList<NoticeVersionData> Notices { get; init; }
}
