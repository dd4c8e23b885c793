namespace Clearance.Rules.Licensing.Data;

sealed record MacauData
{
    public required string Code { get; init; }
    public required string Citation { get; init; }
}
