namespace Clearance.Licenses;

/// <summary>What to act on next: licenses near expiry or exhaustion, and orders waiting for a license.</summary>
/// <param name="AsOf">Today, by the service's clock.</param>
/// <param name="ExpiryWindowDays">A license is near expiry when its last day is at most this many days away.</param>
/// <param name="ExhaustionShare">A license line is near exhaustion when at least this share of its quantity or value is reserved or shipped.</param>
/// <param name="NearExpiry">Active licenses ending within the window, soonest first.</param>
/// <param name="NearExhaustion">Lines of active licenses at or above the share, fullest first.</param>
/// <param name="WaitingOrders">Orders with license-required lines no license covers, oldest first.</param>
public sealed record LicenseWatch(
    DateOnly AsOf, int ExpiryWindowDays, decimal ExhaustionShare, IReadOnlyList<ExpiringLicense> NearExpiry,
    IReadOnlyList<ExhaustingLine> NearExhaustion, IReadOnlyList<WaitingOrder> WaitingOrders);

/// <param name="LicenseId">The license.</param>
/// <param name="Number">Its number.</param>
/// <param name="Holder">The exporter it was issued to.</param>
/// <param name="ValidTo">Its last day.</param>
/// <param name="DaysLeft">Days from today to its last day (0 on the last day).</param>
public sealed record ExpiringLicense(long LicenseId, string Number, string Holder, DateOnly ValidTo, int DaysLeft);

/// <param name="LicenseId">The license.</param>
/// <param name="Number">Its number.</param>
/// <param name="Line">The license line, from 0.</param>
/// <param name="Item">Its item or ECCN.</param>
/// <param name="Quantity">Units authorized.</param>
/// <param name="QuantityUsed">Units reserved or shipped.</param>
/// <param name="Value">Value authorized.</param>
/// <param name="ValueUsed">Value reserved or shipped.</param>
/// <param name="Share">The larger of the used shares of quantity and value, 0 to 1 (rounded to 4 places).</param>
public sealed record ExhaustingLine(long LicenseId, string Number, int Line, string Item, long Quantity, long QuantityUsed, decimal Value, decimal ValueUsed, decimal Share);

/// <param name="OrderId">The order.</param>
/// <param name="Reference">The order's id as submitted.</param>
/// <param name="Date">The order date.</param>
/// <param name="Destination">ISO 3166-1 alpha-2.</param>
/// <param name="Lines">Its license-required lines no license covers, with why.</param>
public sealed record WaitingOrder(long OrderId, string Reference, DateOnly Date, string Destination, IReadOnlyList<WaitingLine> Lines);

/// <param name="Line">The order line, from 0.</param>
/// <param name="Item">Its item.</param>
/// <param name="Eccn">Its classification.</param>
/// <param name="Closest">The license that came closest; null when there is none.</param>
/// <param name="Reasons">Every reason it is not covered, with codes.</param>
public sealed record WaitingLine(int Line, string Item, string Eccn, string? Closest, IReadOnlyList<CoverageReason> Reasons);
