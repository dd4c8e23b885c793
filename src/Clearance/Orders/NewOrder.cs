using Clearance.Rules.Licensing;

namespace Clearance.Orders;

/// <summary>An order about to be stored, with the decision it was evaluated to (its alerts are raised from it).</summary>
public sealed record NewOrder(Order Order, Decision Decision);
