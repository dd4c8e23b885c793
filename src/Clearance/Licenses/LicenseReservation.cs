namespace Clearance.Licenses;

/// <summary>What one covered order line holds of a license line: its whole quantity and value. Released (not deleted)
/// when the license changes and the line is matched again.</summary>
public sealed class LicenseReservation
{
    public long Id { get; private set; }

    public required long OrderId { get; init; }

    /// <summary>The order line's position, from 0.</summary>
    public required int Line { get; init; }

    public required long LicenseLineId { get; init; }

    public required long LicenseId { get; init; }

    public required long Quantity { get; init; }

    public required decimal Value { get; init; }

    public required DateTime CreatedAt { get; init; }

    /// <summary>Units of the reservation shipped; a shipment moves them from reserved to shipped on the license line.</summary>
    public long QuantityShipped { get; set; }

    public decimal ValueShipped { get; set; }

    public bool Released { get; set; }

    public DateTime? ReleasedAt { get; set; }
}
