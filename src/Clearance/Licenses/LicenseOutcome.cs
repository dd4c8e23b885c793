namespace Clearance.Licenses;

/// <summary>What became of a license request: the license, or why there is none.</summary>
public sealed record LicenseOutcome(LicenseResult Result, License? License, IReadOnlyDictionary<string, string[]> Errors, string? Detail = null);

public enum LicenseResult
{
    Saved,
    Invalid,
    NotFound,

    /// <summary>The change conflicts with what the license already holds (revoked, or less than is shipped).</summary>
    Conflict,
}
