namespace Clearance.Rules.Licensing.Data;

sealed record HbmData
{
    public required DateOnly From { get; init; }
    public required DateOnly ComplianceFrom { get; init; }
    public required string Citation { get; init; }
    public required double ExceptionMaxDensityExclusive { get; init; }
    public required string ExceptionCitation { get; init; }
    public bool ReviewPolicyUnconfirmed { get; init; }
}
