namespace Clearance.Licenses;

/// <summary>Why a license does not cover an order line or a shipment (the codes of DESIGN's license contract).</summary>
public static class CoverageCodes
{
    public const string NoLicense = "no-license";
    public const string PartyNotApproved = "party-not-approved";
    public const string DestinationNotCovered = "destination-not-covered";
    public const string ItemNotCovered = "item-not-covered";
    public const string Expired = "expired";
    public const string NotYetValid = "not-yet-valid";
    public const string QuantityExhausted = "quantity-exhausted";
    public const string ValueExhausted = "value-exhausted";

    /// <summary>The order line has no unit price, so the value it would draw cannot be checked against the license.</summary>
    public const string ValueUnknown = "value-unknown";

    /// <summary>A NAC notification without its confirmation number cannot be used yet.</summary>
    public const string NacNotConfirmed = "nac-not-confirmed";

    public const string LicenseRevoked = "license-revoked";
}
