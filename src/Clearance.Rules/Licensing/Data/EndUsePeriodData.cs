namespace Clearance.Rules.Licensing.Data;

sealed record EndUsePeriodData
{
    public required DateOnly From { get; init; }
    public DateOnly? Until { get; init; }
    public required IReadOnlyList<string> Destinations { get; init; }
    public required IReadOnlyList<string> DestinationGroups { get; init; }
    public required string Citation { get; init; }
}
