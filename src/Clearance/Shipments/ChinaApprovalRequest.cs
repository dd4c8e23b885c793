namespace Clearance.Shipments;

/// <summary>China's decision on a buyer's import, as <c>POST /api/china-approvals</c> takes it.</summary>
/// <param name="Buyer">The Chinese buyer's name.</param>
/// <param name="Country">ISO 3166-1 alpha-2 (CN; HK and MO as applicable).</param>
/// <param name="Item">A catalog name.</param>
/// <param name="Quantity">Units approved (whole).</param>
/// <param name="Status">approved, conditional, denied or pending.</param>
/// <param name="Date">The decision's date.</param>
/// <param name="Authority">Who decided (for example MOFCOM, NDRC, customs).</param>
/// <param name="Reference">The document's reference.</param>
/// <param name="Conditions">Conditions attached, in words.</param>
public sealed record ChinaApprovalRequest(
    string? Buyer, string? Country, string? Item, decimal? Quantity, string? Status, DateOnly? Date, string? Authority, string? Reference, string? Conditions = null);
