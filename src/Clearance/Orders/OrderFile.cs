using Clearance.Input;

namespace Clearance.Orders;

/// <summary>What reading an order file produced: the valid orders, the errors, and whether the file could be read at all.</summary>
/// <param name="Orders">Orders that passed validation, in file order.</param>
/// <param name="Errors">Every problem found; an order with a problem is left out of <paramref name="Orders"/>.</param>
/// <param name="Unreadable">The file is not a JSON array of orders, so no order could be read.</param>
public sealed record OrderFile(IReadOnlyList<OrderInput> Orders, IReadOnlyList<InputProblem> Errors, bool Unreadable);
