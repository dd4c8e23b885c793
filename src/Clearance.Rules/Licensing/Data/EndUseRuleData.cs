namespace Clearance.Rules.Licensing.Data;

sealed record EndUseRuleData
{
    public required string Code { get; init; }
    public required string Title { get; init; }
    public required IReadOnlyList<string> EccnFamilies { get; init; }
    public required bool AllItemsSubjectToEar { get; init; }
    public required IReadOnlyList<EndUsePeriodData> Periods { get; init; }
    public required ReviewPolicy ReviewPolicy { get; init; }
    public required string ReviewPolicyCitation { get; init; }
    public bool Unconfirmed { get; init; }
}
