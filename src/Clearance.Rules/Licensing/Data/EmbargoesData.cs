namespace Clearance.Rules.Licensing.Data;

sealed record EmbargoesData
{
    public required string Source { get; init; }
    public required IReadOnlyList<EmbargoData> Embargoes { get; init; }
}
