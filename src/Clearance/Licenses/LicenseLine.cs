namespace Clearance.Licenses;

/// <summary>One line of a license: an item (catalog name) or an ECCN, the units and value it authorizes, and what is
/// reserved by orders and shipped against it. Reserved and shipped change only under the audit chain's lock.</summary>
public sealed class LicenseLine
{
    public long Id { get; private set; }

    public long LicenseId { get; init; }

    /// <summary>The line's position on the license, from 0.</summary>
    public required int Index { get; init; }

    public required string Item { get; set; }

    public required long Quantity { get; set; }

    public required decimal Value { get; set; }

    public long QuantityReserved { get; set; }

    public decimal ValueReserved { get; set; }

    public long QuantityShipped { get; set; }

    public decimal ValueShipped { get; set; }

    public long QuantityLeft => Quantity - QuantityReserved - QuantityShipped;

    public decimal ValueLeft => Value - ValueReserved - ValueShipped;
}
