using Clearance.Screening;

namespace Clearance.Lists;

/// <summary>Combines loaded lists; OFAC SDN entries present in several lists are merged on their entity number.</summary>
public static class ListMerger
{
    /// <summary>The entries of all lists; a later SDN entry with a known entity number adds its names as aliases.</summary>
    public static List<ListEntry> Merge(IEnumerable<LoadedList> lists)
    {
        var entries = new List<ListEntry>();
        var sdn = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var list in lists)
        {
            foreach (var entry in list.Entries)
            {
                var isSdn = entry.List.Equals(OfacLegacyReader.SdnList, StringComparison.Ordinal) && entry.Id.All(char.IsAsciiDigit);
                if (!isSdn)
                {
                    entries.Add(entry);
                    continue;
                }

                if (!sdn.TryGetValue(entry.Id, out var at))
                {
                    sdn[entry.Id] = entries.Count;
                    entries.Add(entry);
                    continue;
                }

                var kept = entries[at];
                var known = new HashSet<string>(kept.Aliases.Prepend(kept.Name), StringComparer.OrdinalIgnoreCase);
                var added = entry.Aliases.Prepend(entry.Name).Where(known.Add).ToList();
                if (added.Count > 0)
                {
                    entries[at] = kept with
                    {
                        Aliases = [.. kept.Aliases, .. added],
                        ListVersion = kept.ListVersion + " + " + entry.ListVersion,
                    };
                }
            }
        }

        return entries;
    }
}
