namespace Clearance.Rules.Licensing.Data;

sealed record AffiliatesData
{
    public required DateOnly From { get; init; }
    public required string Citation { get; init; }
    public required double OwnershipPercent { get; init; }
    public required DateOnly SuspendedFrom { get; init; }
    public required DateOnly SuspendedUntil { get; init; }
    public required string SuspensionCitation { get; init; }
    public bool ReappliesUnconfirmed { get; init; }
    public required string ReappliesCitation { get; init; }
    public required string AggregationCitation { get; init; }
}
