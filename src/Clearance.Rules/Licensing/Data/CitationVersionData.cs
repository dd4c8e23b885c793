namespace Clearance.Rules.Licensing.Data;

/// <summary>A dated version that changes only where a requirement is codified (its citation).</summary>
sealed record CitationVersionData : VersionData;
