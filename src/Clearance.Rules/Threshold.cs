namespace Clearance.Rules;

/// <summary>One number of the regulation, with the paragraph and the Federal Register text it comes from.</summary>
/// <param name="Value">The number as the regulation states it.</param>
/// <param name="Paragraph">The paragraph that uses it, e.g. <c>3A090.a.1</c>.</param>
/// <param name="FederalRegister">The Federal Register citation, e.g. <c>88 FR 73458 (2023-10-25)</c>.</param>
/// <param name="Cfr">The CFR location, e.g. <c>15 CFR 774 supp. 1, ECCN 3A090.a.1</c>.</param>
/// <param name="Unconfirmed">Why the reference research could not confirm the number or its date; null when confirmed.</param>
public sealed record Threshold(double Value, string Paragraph, string FederalRegister, string Cfr, string? Unconfirmed = null)
{
    /// <summary>The citation as reasons print it: CFR location, then Federal Register.</summary>
    public string Citation { get; } = string.Concat(Cfr, "; ", FederalRegister);
}
