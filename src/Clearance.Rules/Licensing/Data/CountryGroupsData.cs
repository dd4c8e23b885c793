namespace Clearance.Rules.Licensing.Data;

sealed record CountryGroupsData
{
    public required string Source { get; init; }
    public string? Note { get; init; }
    public required IReadOnlyList<CountryAliasData> Aliases { get; init; }
    public required MacauData Macau { get; init; }
    public required IReadOnlyList<CountryGroupData> Groups { get; init; }
}
