namespace Clearance.Shipments;

/// <summary>A shipment against an order: what left, on which invoice, drawn from which license lines. Kept as
/// accepted (15 CFR 762), never deleted.</summary>
public sealed class Shipment
{
    public long Id { get; private set; }

    public required long OrderId { get; init; }

    public required string SubmittedBy { get; init; }

    /// <summary>The submitter's retry key: the same key with the same body returns this shipment.</summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>SHA-256 of the request as read (canonical JSON), to tell a retry from a different request.</summary>
    public required string RequestHash { get; init; }

    public required DateOnly ShipDate { get; init; }

    /// <summary>ISO 3166-1 alpha-2, the order's destination.</summary>
    public required string Destination { get; init; }

    public required string InvoiceNumber { get; init; }

    public required DateOnly InvoiceDate { get; init; }

    public required decimal InvoiceAmount { get; init; }

    /// <summary>The evidence presented (kind and reference), JSON.</summary>
    public required string EvidenceJson { get; init; }

    public required DateTime CreatedAt { get; init; }

    public List<ShipmentLine> Lines { get; init; } = [];
}
