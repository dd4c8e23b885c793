namespace Clearance.Rules.Licensing.Data;

sealed record ListRuleData
{
    public required IReadOnlyList<string> Keywords { get; init; }
    public required string Name { get; init; }
    public required ListEffect Effect { get; init; }
    public required string Citation { get; init; }
    public required string ExceptionsBarredCitation { get; init; }
}
