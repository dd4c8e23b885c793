namespace Clearance.Rules.Licensing.Data;

sealed record CountryAliasData
{
    public required string Code { get; init; }
    public required string TreatedAs { get; init; }
    public DateOnly? From { get; init; }
    public required string Citation { get; init; }
    public string? Note { get; init; }
}
