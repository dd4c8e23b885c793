namespace Clearance.Licenses;

/// <summary>What was drawn on a license over time: its reservations (made and released) and the shipment lines drawn
/// from it, oldest first. The burn-down of each line is replayed from these records.</summary>
/// <param name="Reservations">Every reservation on the license, released ones included.</param>
/// <param name="Shipments">Every shipment line drawn from the license.</param>
public sealed record LicenseHistory(IReadOnlyList<LicenseReservation> Reservations, IReadOnlyList<LicenseDraw> Shipments)
{
    /// <summary>The orders the license covers or covered: every order with a reservation on it, the live ones first
    /// marked as such, by order id.</summary>
    public IReadOnlyList<CoveredOrder> Orders =>
        [.. Reservations.GroupBy(r => r.OrderId).OrderBy(g => g.Key).Select(g => new CoveredOrder(
            g.Key, [.. g.Select(r => r.Line).Distinct().Order()], g.Any(r => !r.Released),
            g.Where(r => !r.Released).Sum(r => r.Quantity), g.Sum(r => r.QuantityShipped)))];

    /// <summary>The line's reserved, shipped and left units and value at the end of each day (UTC) the service recorded
    /// something on it: a reservation made (reserved up), a shipment (reserved down, shipped up), a reservation released
    /// (its unshipped rest leaves reserved). Days are when the records were made, the order the line's figures moved in (a
    /// shipment may be recorded after its ship date). Left is counted against the line's quantity and value as authorized
    /// today.</summary>
    public IReadOnlyList<BurnDownPoint> BurnDown(LicenseLine line)
    {
        var changes = new List<(DateOnly Date, long Reserved, long Shipped, decimal ReservedValue, decimal ShippedValue)>();
        foreach (var r in Reservations.Where(r => r.LicenseLineId == line.Id))
        {
            changes.Add((DateOnly.FromDateTime(r.CreatedAt), r.Quantity, 0, r.Value, 0m));
            if (r.Released && r.ReleasedAt is { } released)
            {
                changes.Add((DateOnly.FromDateTime(released), -(r.Quantity - r.QuantityShipped), 0, -(r.Value - r.ValueShipped), 0m));
            }
        }

        foreach (var s in Shipments.Where(s => s.LicenseLineId == line.Id))
        {
            changes.Add((DateOnly.FromDateTime(s.RecordedAt), -s.Quantity, s.Quantity, -s.Value, s.Value));
        }

        var points = new List<BurnDownPoint>();
        long reserved = 0, shipped = 0;
        decimal reservedValue = 0m, shippedValue = 0m;
        foreach (var day in changes.GroupBy(c => c.Date).OrderBy(g => g.Key))
        {
            reserved += day.Sum(c => c.Reserved);
            shipped += day.Sum(c => c.Shipped);
            reservedValue += day.Sum(c => c.ReservedValue);
            shippedValue += day.Sum(c => c.ShippedValue);
            points.Add(new BurnDownPoint(day.Key, reserved, shipped, line.Quantity - reserved - shipped,
                reservedValue, shippedValue, line.Value - reservedValue - shippedValue));
        }

        return points;
    }
}

/// <param name="ShipmentId">The shipment.</param>
/// <param name="OrderId">The order shipped.</param>
/// <param name="ShipDate">The day it left.</param>
/// <param name="RecordedAt">When the shipment was recorded (UTC): the moment it moved units on the line.</param>
/// <param name="LicenseLineId">The license line drawn from.</param>
/// <param name="Quantity">Units drawn.</param>
/// <param name="Value">Value drawn, in the license's currency.</param>
public sealed record LicenseDraw(long ShipmentId, long OrderId, DateOnly ShipDate, DateTime RecordedAt, long LicenseLineId, long Quantity, decimal Value);

/// <param name="OrderId">The order.</param>
/// <param name="Lines">Its lines the license holds or held, from 0.</param>
/// <param name="Live">Whether a reservation still holds: false when every one was released (the license changed).</param>
/// <param name="Reserved">Units its live reservations hold.</param>
/// <param name="Shipped">Units shipped against its reservations.</param>
public sealed record CoveredOrder(long OrderId, IReadOnlyList<int> Lines, bool Live, long Reserved, long Shipped);

/// <param name="Date">The day.</param>
/// <param name="Reserved">Units reserved at the end of the day.</param>
/// <param name="Shipped">Units shipped by the end of the day.</param>
/// <param name="Left">Units left: authorized less reserved less shipped.</param>
/// <param name="ReservedValue">Value reserved at the end of the day, in the license's currency.</param>
/// <param name="ShippedValue">Value shipped by the end of the day.</param>
/// <param name="LeftValue">Value left: authorized less reserved less shipped.</param>
public sealed record BurnDownPoint(DateOnly Date, long Reserved, long Shipped, long Left, decimal ReservedValue, decimal ShippedValue, decimal LeftValue);
