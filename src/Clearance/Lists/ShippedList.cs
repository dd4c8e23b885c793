namespace Clearance.Lists;

/// <summary>A list snapshot shipped in <c>data/lists/</c>.</summary>
/// <param name="Source">The source it is screened as: a newer version of that source (a download, an import) replaces it.</param>
/// <param name="RelativePath">The file or OFAC folder under <c>data/lists/</c>.</param>
/// <param name="AsOf">The date its content is known to be current on (data/PROVENANCE.md gives the evidence).</param>
/// <param name="Lists">What it carries, as shown to users.</param>
public sealed record ShippedList(string Source, string RelativePath, DateOnly AsOf, string Lists);
