namespace Clearance.Orders;

/// <summary>An order as a list shows it: without the order and decision bodies.</summary>
public sealed record OrderRow(long Id, string Reference, DateOnly OrderDate, string Destination, string Verdict, OrderStatus Status,
    string SubmittedBy, DateTime SubmittedAt);

/// <param name="Rows">The orders of this page.</param>
/// <param name="Total">How many orders match the filter.</param>
/// <param name="Page">This page's number, from 1.</param>
/// <param name="PageSize">Orders per page.</param>
public sealed record OrderPage(IReadOnlyList<OrderRow> Rows, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}
