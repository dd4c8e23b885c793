using Clearance.Rules.Licensing;

namespace Clearance.Orders;

/// <summary>An order about to be stored, with the input it was read from, the decision it was evaluated to and the
/// names that evaluation screened (its alerts are raised from these, without reading the order or screening again).</summary>
public sealed record NewOrder(Order Order, OrderInput Input, Decision Decision, IReadOnlyList<ScreenedParty> Screened);
