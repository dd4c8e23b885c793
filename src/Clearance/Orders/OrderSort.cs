namespace Clearance.Orders;

/// <summary>The columns an order list sorts on.</summary>
public enum OrderSort
{
    Id,
    Reference,
    OrderDate,
    Destination,
    Verdict,
    Status,
    SubmittedBy,
}
