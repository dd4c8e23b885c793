namespace Clearance.Orders;

/// <summary>Order list criteria; null matches everything. Dates are order dates, inclusive; <paramref name="Reference"/>
/// matches a part of the order's own id.</summary>
public sealed record OrderFilter(string? Verdict, OrderStatus? Status, string? Destination, DateOnly? From, DateOnly? To, string? SubmittedBy,
    string? Reference = null);
