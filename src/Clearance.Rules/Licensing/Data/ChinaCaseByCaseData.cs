namespace Clearance.Rules.Licensing.Data;

sealed record ChinaCaseByCaseData
{
    public required DateOnly From { get; init; }
    public required string Citation { get; init; }
    public required IReadOnlyList<string> Destinations { get; init; }
    public required string Origin { get; init; }
    public required double MaxTppExclusive { get; init; }
    public required double MaxDramBandwidthGbsExclusive { get; init; }
    public bool DramBandwidthUnconfirmed { get; init; }
    public required IReadOnlyList<ConditionData> Conditions { get; init; }
    public required IReadOnlyList<TariffBandData> TariffBands { get; init; }
    public required string TariffCitation { get; init; }
    public required double TariffDutyPercent { get; init; }
}
