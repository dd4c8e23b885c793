namespace Clearance.Rules.Licensing.Data;

sealed record ConditionData
{
    public DateOnly? From { get; init; }
    public required string Code { get; init; }
    public required string Text { get; init; }
    public required string Citation { get; init; }
    public bool Unconfirmed { get; init; }
    public bool ShowLineUnits { get; init; }
}
