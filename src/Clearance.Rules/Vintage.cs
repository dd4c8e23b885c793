namespace Clearance.Rules;

/// <summary>A set of rules in force from one date: the instrument that started it and what it changed.</summary>
/// <param name="Id">Identifier; the effective date in ISO form, e.g. <c>2023-11-17</c>.</param>
/// <param name="Effective">The legal effective date.</param>
/// <param name="Title">The instrument's title.</param>
/// <param name="FederalRegister">Federal Register citation (or the primary document when the instrument is not a
/// Federal Register rule).</param>
/// <param name="Cfr">The CFR provisions it changed.</param>
/// <param name="Summary">What it changed for AI chips.</param>
/// <param name="Published">Federal Register publication date, when there is one.</param>
/// <param name="ComplianceDate">A later compliance date for some of its provisions, if any.</param>
/// <param name="Unconfirmed">What the reference research could not confirm about it; null when nothing.</param>
public sealed record Vintage(
    string Id,
    DateOnly Effective,
    string Title,
    string FederalRegister,
    string Cfr,
    string Summary,
    DateOnly? Published = null,
    DateOnly? ComplianceDate = null,
    string? Unconfirmed = null);
