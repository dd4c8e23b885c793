using Clearance.Screening;

namespace Clearance.Alerts;

/// <summary>
/// What a list version supersedes, worked out from the lists before its import takes the audit chain's lock: the
/// entries of the source's replaced version (by list and id), the entry versions the new one lists
/// (<see cref="EntryFingerprint"/>) and the entries it still lists (by list and id). Fingerprinting every entry of a large
/// list takes tens of milliseconds, which order commits would otherwise wait out.
/// </summary>
public sealed class Supersession
{
    public Supersession(IEnumerable<ListEntry> previous, IEnumerable<ListEntry> next)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(next);
        Replaced = previous.Select(e => (e.List, e.Id)).ToHashSet();
        var entries = next as IReadOnlyCollection<ListEntry> ?? [.. next];
        Listed = entries.Select(EntryFingerprint.Of).ToHashSet(StringComparer.Ordinal);
        StillListed = entries.Select(e => (e.List, e.Id)).ToHashSet();
        Lists = [.. Replaced.Select(k => k.List).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The replaced version's entries, by list and id.</summary>
    public HashSet<(string List, string Id)> Replaced { get; }

    /// <summary>The fingerprints of the new version's entries.</summary>
    public HashSet<string> Listed { get; }

    /// <summary>The new version's entries, by list and id.</summary>
    public HashSet<(string List, string Id)> StillListed { get; }

    /// <summary>The lists the replaced version's entries belong to.</summary>
    public IReadOnlyList<string> Lists { get; }

    /// <summary>Whether an open alert on this entry version is superseded: the replaced version listed the entry and the new
    /// one does not list it in this version.</summary>
    public bool Supersedes(Alert alert) => Replaced.Contains((alert.List, alert.EntryId)) && !Listed.Contains(alert.EntryHash);
}
