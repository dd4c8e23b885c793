namespace Clearance.Rules;

/// <summary>A paragraph of the regulation without a number of its own (for example 4A090.a), with its citation.</summary>
/// <param name="Id">The paragraph, e.g. <c>4A090.a</c>.</param>
/// <param name="FederalRegister">The Federal Register citation.</param>
/// <param name="Cfr">The CFR location.</param>
/// <param name="Unconfirmed">Why the reference research could not confirm it; null when confirmed.</param>
public sealed record Paragraph(string Id, string FederalRegister, string Cfr, string? Unconfirmed = null);
