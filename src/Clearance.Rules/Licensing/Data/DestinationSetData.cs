namespace Clearance.Rules.Licensing.Data;

/// <summary>A set of destinations the EAR names together (e.g. "Macau or a destination specified in Country Group D:5"):
/// countries by code plus country groups, whose membership on a date comes from country-groups.json.</summary>
sealed record DestinationSetData
{
    public required IReadOnlyList<string> Countries { get; init; }
    public required IReadOnlyList<string> Groups { get; init; }
    public required string Citation { get; init; }
}
