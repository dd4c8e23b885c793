namespace Clearance.Rules.Licensing.Data;

sealed record CountryGroupData
{
    public required string Id { get; init; }
    public required string Label { get; init; }
    public required string Citation { get; init; }
    public required IReadOnlyList<GroupMemberData> Members { get; init; }
}
