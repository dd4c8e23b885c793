using Clearance.Licenses;

namespace Clearance.Shipments;

/// <summary>What became of a shipment request.</summary>
/// <param name="Result">The kind of answer.</param>
/// <param name="Shipment">The shipment stored (created or replayed).</param>
/// <param name="Obligations">The obligations it created.</param>
/// <param name="Errors">Bad input by JSON path.</param>
/// <param name="Reasons">Why it was refused: every failing reason.</param>
/// <param name="FirstShipmentId">For a reused key: the shipment the key belongs to.</param>
public sealed record ShipmentOutcome(
    ShipmentResult Result, Shipment? Shipment, IReadOnlyList<Obligation> Obligations, IReadOnlyDictionary<string, string[]> Errors,
    IReadOnlyList<CoverageReason> Reasons, long? FirstShipmentId = null);

public enum ShipmentResult
{
    Created,
    Replayed,
    Invalid,
    NotFound,

    /// <summary>A check failed; nothing was drawn.</summary>
    Refused,

    /// <summary>The idempotency key belongs to a shipment with a different request.</summary>
    KeyReused,
}
