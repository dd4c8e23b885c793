namespace Clearance.Shipments;

/// <summary>Reasons a shipment is refused, beyond the coverage codes.</summary>
public static class ShipmentCodes
{
    public const string ConditionUnmet = "condition-unmet";
    public const string ChinaImportApprovalMissing = "china-import-approval-missing";
    public const string VolumeCapExceeded = "volume-cap-exceeded";
    public const string ScreeningHit = "screening-hit";
}
