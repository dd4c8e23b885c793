namespace Clearance.Rules;

/// <summary>ECCN 3A090.c: high-bandwidth memory by memory bandwidth density (from December 2024).</summary>
/// <param name="Density">Memory bandwidth density greater than this many GB/s/mm² (strictly greater).</param>
/// <param name="ComplianceDate">The date from which compliance with the HBM changes is required.</param>
public sealed record HbmThresholds(Threshold Density, DateOnly ComplianceDate);
