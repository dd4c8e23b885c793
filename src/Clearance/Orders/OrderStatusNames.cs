using Clearance.Rules.Licensing;

namespace Clearance.Orders;

public static class OrderStatusNames
{
    /// <summary>The status a fresh decision gives an order.</summary>
    public static OrderStatus For(Verdict verdict) => verdict switch
    {
        Verdict.Cleared => OrderStatus.Cleared,
        Verdict.Exception => OrderStatus.Exception,
        Verdict.LicenseRequired => OrderStatus.LicenseRequired,
        Verdict.Hold => OrderStatus.Held,
    };
}
