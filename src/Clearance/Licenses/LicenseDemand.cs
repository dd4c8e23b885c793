using Clearance.Orders;
using Clearance.Rules.Licensing;

namespace Clearance.Licenses;

/// <summary>What an order asks of the licenses: its date, destination, the parties a license must approve and its
/// license-required lines.</summary>
public sealed record LicenseDemand(DateOnly Date, string Destination, IReadOnlyList<LicenseParty> Parties, IReadOnlyList<DemandLine> Lines)
{
    /// <summary>From an order and, per line, its classification and whether a license is required.</summary>
    public static LicenseDemand From(OrderInput order, IReadOnlyList<(string Eccn, bool LicenseRequired)> decided) =>
        new(order.Date, order.Destination,
            [.. order.Parties.Where(p => p.Role is not PartyRole.Intermediate).Select(p => new LicenseParty(p.Name, p.Country))],
            [.. order.Lines.Select((l, i) => new DemandLine(i, l.Item, decided[i].Eccn, decided[i].LicenseRequired, l.Quantity, l.UnitPrice))]);

    public static LicenseDemand From(OrderInput order, Decision decision) =>
        From(order, [.. decision.Lines.Select(l => (l.Eccn, l.LicenseRequired))]);

    /// <summary>Whether any line needs a license.</summary>
    public bool NeedsLicense => Lines.Any(l => l.LicenseRequired);
}

/// <param name="Index">The order line, from 0.</param>
/// <param name="Item">The item's catalog name (or the name given to an inline spec).</param>
/// <param name="Eccn">Its classification on the order date.</param>
/// <param name="LicenseRequired">Whether the decision requires a license for it.</param>
/// <param name="Quantity">Units.</param>
/// <param name="UnitPrice">Price per unit; null when the order gave none.</param>
public sealed record DemandLine(int Index, string Item, string Eccn, bool LicenseRequired, long Quantity, decimal? UnitPrice);
