namespace Clearance.Orders;

/// <summary>What a release did; <paramref name="Detail"/> says why it was refused.</summary>
public sealed record ReleaseOutcome(ReleaseResult Result, Order? Order, string? Detail);
