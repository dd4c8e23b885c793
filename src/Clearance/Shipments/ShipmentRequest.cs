namespace Clearance.Shipments;

/// <summary>A shipment as <c>POST /api/orders/{id}/shipments</c> takes it.</summary>
/// <param name="Lines">Which order lines ship, and how many units of each.</param>
/// <param name="Invoice">The invoice the shipment is billed on.</param>
/// <param name="Evidence">Documents a license condition asks for (kind and reference).</param>
/// <param name="Date">The shipment date; the invoice date when absent.</param>
public sealed record ShipmentRequest(IReadOnlyList<ShipmentLineRequest?>? Lines, InvoiceRequest? Invoice, IReadOnlyList<EvidenceRequest?>? Evidence, DateOnly? Date = null);

/// <param name="Line">The order line, from 0.</param>
/// <param name="Quantity">Whole units.</param>
public sealed record ShipmentLineRequest(int? Line, decimal? Quantity);

/// <param name="Number">The invoice number.</param>
/// <param name="Date">The invoice date.</param>
/// <param name="Amount">In the license's currency, at most two decimals.</param>
public sealed record InvoiceRequest(string? Number, DateOnly? Date, decimal? Amount);

/// <param name="Kind">The condition it answers, e.g. us-third-party-test.</param>
/// <param name="Reference">The document's reference, e.g. the test laboratory's report number.</param>
public sealed record EvidenceRequest(string? Kind, string? Reference);
