namespace Clearance.Shipments;

/// <summary>The statuses of China's import approvals; approved and conditional ones let a shipment through.</summary>
public static class ChinaApprovals
{
    public const string Approved = "approved";
    public const string Conditional = "conditional";
    public const string Denied = "denied";
    public const string Pending = "pending";

    public static IReadOnlyList<string> Statuses { get; } = [Approved, Conditional, Denied, Pending];
}
