namespace Clearance.Shipments;

/// <summary>A payment against a license's obligations of one quarter.</summary>
public sealed class ObligationPayment
{
    public long Id { get; private set; }

    public required long LicenseId { get; init; }

    public required string LicenseNumber { get; init; }

    public required string Quarter { get; init; }

    public required decimal Amount { get; init; }

    public required DateOnly Date { get; init; }

    public required string Reference { get; init; }

    public required string RecordedBy { get; init; }

    public required DateTime RecordedAt { get; init; }
}
