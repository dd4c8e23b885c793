namespace Clearance.Rules.Licensing.Data;

/// <summary>One dated version of the China/Macau review-policy box (15 CFR 742.6(b)(10)(iii)): items inside it, exported
/// from <see cref="Origin"/>, move from <see cref="Replaces"/> to <see cref="Policy"/> under the conditions listed.</summary>
sealed record ChinaCaseByCaseData : VersionData
{
    public required ReviewPolicy Replaces { get; init; }
    public required ReviewPolicy Policy { get; init; }
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
