namespace Clearance.Shipments;

/// <summary>What a shipment owes under a license's revenue-share condition: rate × invoice amount, half-up to cents.
/// A license condition, not a regulation.</summary>
public sealed class Obligation
{
    public long Id { get; private set; }

    public required long ShipmentId { get; init; }

    public required long LicenseId { get; init; }

    public required string LicenseNumber { get; init; }

    public required string Currency { get; init; }

    public required decimal Rate { get; init; }

    /// <summary>The part of the invoice drawn on this license.</summary>
    public required decimal InvoiceAmount { get; init; }

    public required decimal Amount { get; init; }

    public required DateOnly InvoiceDate { get; init; }

    /// <summary>The calendar quarter of the invoice date, e.g. 2025Q3.</summary>
    public required string Quarter { get; init; }

    public required DateTime CreatedAt { get; init; }
}
