using Clearance.Input;

namespace Clearance.Orders;

/// <summary>The outcome of a submission: the stored order (<paramref name="Created"/> false when the idempotency key
/// returned an earlier one), or the problems that kept it out. <paramref name="KeyReused"/>: the key belongs to an
/// earlier, different request (<paramref name="Order"/>); nothing was stored.</summary>
public sealed record OrderSubmission(Order? Order, bool Created, IReadOnlyList<InputProblem> Errors, bool KeyReused = false);
