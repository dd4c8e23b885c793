namespace Clearance.Lists;

/// <param name="Result">What happened.</param>
/// <param name="Version">The version stored (imported, or pending a second person's approval).</param>
/// <param name="Error">Why the file was refused (naming the file and line), or why it needs a second person.</param>
/// <param name="RemovedByList">For a refused or pending version: the entries in use it would remove, per list.</param>
/// <param name="RemovedSample">For a refused or pending version: the first entries it would remove.</param>
public sealed record ListImportOutcome(ListImportResult Result, ListVersion? Version, string? Error,
    IReadOnlyDictionary<string, int>? RemovedByList = null, IReadOnlyList<string>? RemovedSample = null);
