namespace Clearance.Rules.Licensing.Data;

sealed record HeadquartersData
{
    public required DateOnly From { get; init; }
    public required string Citation { get; init; }
    public required DateOnly MovedFrom { get; init; }
    public required string MovedCitation { get; init; }
    public required IReadOnlyList<PolicyVersionData> ReviewPolicies { get; init; }
    public required DateOnly EnforcementDoubtFrom { get; init; }
    public required DateOnly EnforcementDoubtUntil { get; init; }
    public required string EnforcementDoubtCitation { get; init; }
    public required DateOnly GuidanceFrom { get; init; }
    public required string GuidanceCitation { get; init; }
}
