namespace Clearance.Rules.Licensing.Data;

sealed record TariffBandData
{
    public required double MinTpp { get; init; }
    public required double MaxTpp { get; init; }
    public required double MinMemoryBandwidthGbs { get; init; }
    public required double MaxMemoryBandwidthGbs { get; init; }
}
