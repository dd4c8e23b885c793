namespace Clearance.Lists;

/// <param name="Result">What happened.</param>
/// <param name="Version">The version stored (or, when <see cref="ListImportResult.Unchanged"/>, the current one of that source).</param>
/// <param name="Error">Why the file was refused, naming the file and line.</param>
public sealed record ListImportOutcome(ListImportResult Result, ListVersion? Version, string? Error);
