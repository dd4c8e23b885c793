namespace Clearance.Licenses;

/// <summary>How one license-required order line stands against the licenses: covered by a license line (which it
/// reserves in whole) or not, with every reason the closest license fails.</summary>
/// <param name="Line">The order line, from 0.</param>
/// <param name="Number">The license that covers it, or the one that came closest; null when there is none.</param>
/// <param name="Covered">Whether the line is covered.</param>
/// <param name="Reasons">Why not; empty when covered.</param>
/// <param name="LicenseLine">The license line reserved; null when not covered.</param>
/// <param name="Quantity">Units reserved.</param>
/// <param name="Value">Value reserved (quantity × unitPrice).</param>
public sealed record LicenseCoverage(int Line, string? Number, bool Covered, IReadOnlyList<CoverageReason> Reasons,
    int? LicenseLine, long Quantity, decimal Value)
{
    public string Status => Covered ? "covered" : "not-covered";
}

/// <param name="Code">One of <see cref="CoverageCodes"/>.</param>
/// <param name="Message">The reason in words, with the citation.</param>
public sealed record CoverageReason(string Code, string Message);
