namespace Clearance.Orders;

/// <summary>Where a stored order stands: its verdict when submitted, released from a hold by an officer, or licensed.</summary>
public enum OrderStatus
{
    Cleared,
    Exception,
    LicenseRequired,
    Held,
    Released,

    /// <summary>Every license-required line is covered by a license, which reserves its quantity and value.</summary>
    Licensed,
}
