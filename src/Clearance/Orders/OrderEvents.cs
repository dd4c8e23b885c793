using System.Security.Cryptography;
using System.Text;

namespace Clearance.Orders;

/// <summary>
/// The audit events that set an order's status, verdict or decision. Each carries, in its payload, <c>status</c>,
/// <c>verdict</c> and <c>decisionSha256</c> for what it set (any it did not change may be left out), so that
/// <c>audit verify</c> can check the stored order against the last event that recorded it.
/// </summary>
public static class OrderEvents
{
    public const string Submitted = "order.submitted";
    public const string AlertsRaised = "order.alerts-raised";
    public const string Released = "order.released";

    /// <summary>Lower-case hex SHA-256 of the stored decision JSON, as UTF-8.</summary>
    public static string DecisionSha256(string decisionJson) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(decisionJson)));
}
