using Clearance.Orders;
using Clearance.Rules.Licensing;

namespace Clearance.Shipments;

/// <summary>A valid shipment request with what was read and evaluated for it before its transaction: the order, the
/// order as read, its evaluation on the shipment date (with the lists' version it screened against) and, per order
/// line, whether the order's stored decision needs a license for it.</summary>
public sealed record PreparedShipment(
    string Actor, string Key, string Hash, ShipmentRequest Request, DateOnly ShipDate, Order Order, OrderInput Input, Decision Fresh,
    string? Lists, IReadOnlyList<bool> LicenseRequired);
