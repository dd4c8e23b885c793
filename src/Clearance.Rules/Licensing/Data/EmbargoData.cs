namespace Clearance.Rules.Licensing.Data;

sealed record EmbargoData
{
    public required string Country { get; init; }
    public DateOnly? From { get; init; }
    public required string Citation { get; init; }
    public required string Scope { get; init; }
    public required ReviewPolicy ReviewPolicy { get; init; }
    public bool Unconfirmed { get; init; }
}
