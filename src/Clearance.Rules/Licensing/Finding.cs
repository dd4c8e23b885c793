namespace Clearance.Rules.Licensing;

/// <summary>One reason behind a decision.</summary>
/// <param name="Code">Stable code (see <see cref="FindingCodes"/>).</param>
/// <param name="Citation">Federal Register cite and CFR paragraph.</param>
/// <param name="Message">What was found, with the numbers.</param>
/// <param name="Unconfirmed">Whether the research marks the underlying fact unconfirmed.</param>
public sealed record Finding(string Code, string Citation, string Message, bool Unconfirmed);
