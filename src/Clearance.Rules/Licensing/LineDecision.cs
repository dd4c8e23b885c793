namespace Clearance.Rules.Licensing;

/// <summary>What the law requires for one order line.</summary>
/// <param name="Item">The item.</param>
/// <param name="Eccn">Its classification on the evaluation date.</param>
/// <param name="LicenseRequired">Whether a license is required (before any exception).</param>
/// <param name="ReviewPolicy">The review policy BIS would apply; null when no license is needed or the policy is unknown.</param>
/// <param name="Exception">The license exception available, if any.</param>
/// <param name="Verdict">The line's verdict.</param>
/// <param name="Findings">The reasons, conditions and warnings.</param>
public sealed record LineDecision(
    string Item, string Eccn, bool LicenseRequired, ReviewPolicy? ReviewPolicy, LicenseException? Exception, Verdict Verdict,
    IReadOnlyList<Finding> Findings);
