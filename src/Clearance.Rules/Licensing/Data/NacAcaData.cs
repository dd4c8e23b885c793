namespace Clearance.Rules.Licensing.Data;

sealed record NacAcaData
{
    public required DateOnly From { get; init; }
    public required int NoticeDays { get; init; }
    public required string Citation { get; init; }
    public required string NoticeCitation { get; init; }
    public required string RestrictionCitation { get; init; }
    public required string PurchaseOrderCitation { get; init; }
    public required IReadOnlyList<string> AcaGroups { get; init; }
    public required string AcaCitation { get; init; }
}
