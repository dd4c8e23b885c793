using System.Globalization;
using Clearance.Lists;
using Clearance.Screening;

namespace Clearance.Peers.Lists;

/// <summary>
/// Clearance's default lists (the snapshots in data/lists) read by Clearance's own loaders and merged as the CLI merges
/// them, so that every system searches the same entries; each primary name and alias becomes one row for the peers.
/// </summary>
public sealed record ClearanceLists(IReadOnlyList<ListEntry> Entries, IReadOnlyList<ListName> Names, string Source)
{
    public static ClearanceLists LoadShipped(string repository)
    {
        var countries = ClearanceData.Load(Path.Combine(repository, "data")).Countries;
        var store = new ListStore(Path.Combine(Path.GetTempPath(), "clearance-peers-no-downloads"), Path.Combine(repository, "data", "lists"));
        var lists = store.ShippedPaths.Select(p => ListLoader.Load(p, countries)).ToList();
        var entries = ListMerger.Merge(lists);
        var names = entries
            .SelectMany(e => e.Aliases
                .Prepend(e.Name)
                .Select(n => n.Trim())
                .Where(n => n.Length > 0)
                .Distinct(StringComparer.Ordinal)
                .Select(n => new ListName(e.Id, e.Name, e.List, n)))
            .ToList();
        var source = string.Create(
            CultureInfo.InvariantCulture,
            $"{entries.Count} entries read by Clearance's loaders from data/lists ({string.Join("; ", lists.Select(l => $"{l.Version}: {l.Entries.Count} entries, {l.Problems.Count} unusable rows"))}), SDN merged on entity number");
        return new ClearanceLists(entries, names, source);
    }
}
