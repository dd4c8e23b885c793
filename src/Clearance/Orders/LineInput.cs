using Clearance.Rules;

namespace Clearance.Orders;

/// <summary>An order line with its item resolved: a catalog entry or an inline specification.</summary>
public sealed record LineInput(string Item, ItemSpec Spec, long Quantity, decimal? UnitPrice);
