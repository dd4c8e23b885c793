namespace Clearance.Rules.Licensing.Data;

sealed record EndUsesData
{
    public required string Source { get; init; }
    public required IReadOnlyList<EndUseRuleData> EndUses { get; init; }
}
