namespace Clearance.Rules.Licensing.Data;

sealed record AdvancedComputingData
{
    public required DateOnly From { get; init; }
    public required string Citation { get; init; }
    public required IReadOnlyList<string> Groups { get; init; }
    public required IReadOnlyList<string> ExcludingGroups { get; init; }
    public required IReadOnlyList<ScopePolicyVersionData> ReviewPolicies { get; init; }
}
