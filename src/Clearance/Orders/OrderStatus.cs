namespace Clearance.Orders;

/// <summary>Where a stored order stands: its verdict when submitted, or released from a hold by an officer.</summary>
public enum OrderStatus
{
    Cleared,
    Exception,
    LicenseRequired,
    Held,
    Released,
}
