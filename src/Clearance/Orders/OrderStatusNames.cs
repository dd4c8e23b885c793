using Clearance.Rules.Licensing;

namespace Clearance.Orders;

public static class OrderStatusNames
{
    public static IReadOnlyList<OrderStatus> All { get; } = Enum.GetValues<OrderStatus>();

    /// <summary>The wire and stored name (<see cref="WireNames"/>): cleared, exception, license-required, held, released, licensed.</summary>
    public static string Name(this OrderStatus status) => WireNames.Name(status);

    public static OrderStatus? Parse(string? name) => WireNames.Parse<OrderStatus>(name);

    public static OrderStatus ParseStored(string name) => Parse(name) ?? throw new InvalidDataException($"unknown order status '{name}' in the database");

    /// <summary>The status a fresh decision gives an order.</summary>
    public static OrderStatus For(Verdict verdict) => verdict switch
    {
        Verdict.Cleared => OrderStatus.Cleared,
        Verdict.Exception => OrderStatus.Exception,
        Verdict.LicenseRequired => OrderStatus.LicenseRequired,
        Verdict.Hold => OrderStatus.Held,
    };
}
