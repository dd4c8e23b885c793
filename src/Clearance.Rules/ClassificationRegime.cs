namespace Clearance.Rules;

/// <summary>The classification thresholds in force from one date; exactly one of <see cref="Legacy"/> and
/// <see cref="Tiered"/> is set.</summary>
/// <param name="Id">Identifier, e.g. <c>3A090-2023</c>.</param>
/// <param name="Effective">First day the thresholds apply.</param>
/// <param name="Title">The rule that set them.</param>
/// <param name="FederalRegister">Its Federal Register citation.</param>
/// <param name="Legacy">The October 2022 structure (3A090 by performance and I/O).</param>
/// <param name="Tiered">The November 2023 structure (3A090.a/.b by TPP and performance density).</param>
/// <param name="Hbm">3A090.c, when in force.</param>
public sealed record ClassificationRegime(
    string Id,
    DateOnly Effective,
    string Title,
    string FederalRegister,
    LegacyThresholds? Legacy = null,
    TieredThresholds? Tiered = null,
    HbmThresholds? Hbm = null);
