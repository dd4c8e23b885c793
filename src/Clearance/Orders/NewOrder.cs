using Clearance.Rules.Licensing;

namespace Clearance.Orders;

/// <summary>An order about to be stored, with the input it was read from and the decision it was evaluated to (its
/// alerts are raised from both, without reading the order again).</summary>
public sealed record NewOrder(Order Order, OrderInput Input, Decision Decision);
