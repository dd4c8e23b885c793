using Clearance.Screening;

namespace Clearance.Lists;

/// <summary>An import worked out against one snapshot, before the database is written.</summary>
/// <param name="Current">The snapshot planned against.</param>
/// <param name="Previous">The version of the same source in it, if any.</param>
/// <param name="Next">The lists with the new version in place, indexed.</param>
/// <param name="Sources">The source of each of <c>Next.Lists</c>.</param>
/// <param name="Delta">The new version's entries that are added or changed.</param>
/// <param name="Added">How many of <paramref name="Delta"/> are new.</param>
/// <param name="Removed">Entries of the previous version no longer listed.</param>
public sealed record ListImportPlan(ListSnapshot Current, LoadedList? Previous, ListSet Next, IReadOnlyList<string> Sources,
    IReadOnlyList<ListEntry> Delta, int Added, int Removed);
