namespace Clearance.Shipments;

/// <summary>Units of one order line in a shipment, and the license line they were drawn from (none when the line
/// needed no license).</summary>
public sealed class ShipmentLine
{
    public long Id { get; private set; }

    public long ShipmentId { get; init; }

    public required int OrderLine { get; init; }

    public required string Item { get; init; }

    /// <summary>The country the EAR treats the destination as (HK as CN): the volume cap counts by it.</summary>
    public required string Country { get; init; }

    /// <summary><c>ScreeningSubject.NameKey</c> of the order's buyer, for per-customer caps and import approvals.</summary>
    public required string BuyerKey { get; init; }

    public required long Quantity { get; init; }

    public required decimal Value { get; init; }

    public long? LicenseId { get; init; }

    public long? LicenseLineId { get; init; }
}
