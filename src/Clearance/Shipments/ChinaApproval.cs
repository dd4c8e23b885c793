namespace Clearance.Shipments;

/// <summary>China's decision on one buyer's import of an item (the second gate): status, authority, date, reference,
/// quantity and conditions, as the exporter learned it.</summary>
public sealed class ChinaApproval
{
    public long Id { get; private set; }

    public required string Buyer { get; init; }

    public required string Country { get; init; }

    /// <summary><c>ScreeningSubject.NameKey</c> of buyer and country.</summary>
    public required string BuyerKey { get; init; }

    public required string Item { get; init; }

    public required long Quantity { get; init; }

    /// <summary>approved, conditional, denied or pending.</summary>
    public required string Status { get; init; }

    public required DateOnly Date { get; init; }

    public required string Authority { get; init; }

    public required string Reference { get; init; }

    public string? Conditions { get; init; }

    public required string CreatedBy { get; init; }

    public required DateTime CreatedAt { get; init; }
}
