namespace Clearance.Orders;

/// <summary>What a release did; <paramref name="Detail"/> says why it was refused, <paramref name="OpenAlerts"/> lists
/// the ids of the order's alerts still open when that was the reason.</summary>
public sealed record ReleaseOutcome(ReleaseResult Result, Order? Order, string? Detail, IReadOnlyList<long>? OpenAlerts = null);
