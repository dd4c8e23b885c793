namespace Clearance.Rules.Licensing.Data;

sealed record LicensingData
{
    public required string Source { get; init; }
    public required CitationsData Citations { get; init; }
    public required DestinationSetData MacauOrD5 { get; init; }
    public required IReadOnlyList<China2022Data> China2022 { get; init; }
    public required AdvancedComputingData AdvancedComputing { get; init; }
    public required IReadOnlyList<UaeChartsData> UaeCharts { get; init; }
    public required HeadquartersData Headquarters { get; init; }
    public required Nac2023Data Nac2023 { get; init; }
    public required NacAcaData NacAca { get; init; }
    public required HbmData Hbm { get; init; }
    public required AiDiffusionData AiDiffusion { get; init; }
    public required VolumeCapData VolumeCap { get; init; }
    public required IReadOnlyList<ChinaCaseByCaseData> ChinaCaseByCase { get; init; }
    public required IReadOnlyList<AffiliatesData> Affiliates { get; init; }
    public required IReadOnlyList<ListRuleData> Lists { get; init; }
    public required IReadOnlyList<Supplement8Data> Supplement8 { get; init; }
    public required IReadOnlyList<RevenueShareData> ReportedRevenueShares { get; init; }
    public required ChinaSideData ChinaSide { get; init; }
    public required ResearchHorizonData ResearchHorizon { get; init; }
}
