using System.Globalization;
using Clearance.Alerts;
using Clearance.Audit;
using Clearance.Data;
using Clearance.Orders;
using Clearance.Screening;
using Microsoft.EntityFrameworkCore;

namespace Clearance.Lists;

/// <summary>
/// List versions in the database. Each source (csl, ofac-sdn, dpl, custom, or a name the importer gives) is screened in
/// its newest imported version, or in the shipped snapshot when never imported. The highest version id is the
/// database's generation: an instance whose snapshot was built from an older one rebuilds from the stored files
/// (<see cref="RefreshAsync"/>). An import re-screens only against the entries it added or changed (delta).
/// </summary>
public sealed class ListVersions(ClearanceDbContext db, AuditLog audit, ScreeningLists lists, AlertWorkflow alerts, TimeProvider clock)
{
    public const string Csl = "csl";
    public const string OfacSdn = "ofac-sdn";
    public const int MaximumSourceLength = 64;

    /// <summary>The shipped snapshots, by source: the CSL of 2022-05 and the OFAC SDN of 2024-05-03.</summary>
    public static IReadOnlyList<(string Source, string Path)> Shipped(string dataDirectory) =>
    [
        (Csl, Path.Combine(dataDirectory, "lists", "us_csl_2022-05", "consolidated.csv")),
        (OfacSdn, Path.Combine(dataDirectory, "lists", "us_ofac_sdn_2024-05-03")),
    ];

    /// <summary>The shipped snapshots indexed, as every instance starts before it reads the database.</summary>
    public static ListSnapshot LoadShipped(string dataDirectory)
    {
        var shipped = Shipped(dataDirectory);
        return new ListSnapshot(ListSet.Load(shipped.Select(s => s.Path)), [.. shipped.Select(s => s.Source)], 0);
    }

    /// <summary>As <see cref="LoadShipped(string)"/>, with the indexed lists kept in <paramref name="cacheDirectory"/>
    /// between runs (<see cref="ListCache"/>); a cache that cannot be used or written is reported on <paramref name="log"/>.</summary>
    public static ListSnapshot LoadShipped(string dataDirectory, string cacheDirectory, TextWriter log)
    {
        var shipped = Shipped(dataDirectory);
        return new ListSnapshot(ListSet.Load(shipped.Select(s => s.Path), cacheDirectory, log), [.. shipped.Select(s => s.Source)], 0);
    }

    /// <summary>The source a file of this format replaces when the importer names none.</summary>
    public static string DefaultSource(ListFormat format) => format switch
    {
        ListFormat.CslCsv => Csl,
        ListFormat.CslJson => Csl,
        ListFormat.OfacLegacy => OfacSdn,
        ListFormat.BisDpl => "dpl",
        ListFormat.Custom => "custom",
    };

    /// <summary>Newest first, without content.</summary>
    public async Task<IReadOnlyList<ListVersionSummary>> ListAsync(CancellationToken ct) =>
        await db.ListVersions.AsNoTracking().OrderByDescending(v => v.Id)
            .Select(v => new ListVersionSummary(v.Id, v.Source, v.FileName, v.Format, v.Sha256, v.Label, v.EntryCount, v.ProblemCount,
                v.ImportedBy, v.ImportedAt, v.EntriesAdded, v.EntriesChanged, v.EntriesRemoved, v.PartiesRescreened, v.OrdersRescreened, v.AlertsRaised, v.AlertsSuperseded))
            .ToListAsync(ct);

    /// <summary>The database's current generation: the newest version id, 0 when nothing was imported.</summary>
    public async Task<long> GenerationAsync(CancellationToken ct) =>
        await db.ListVersions.AsNoTracking().MaxAsync(v => (long?)v.Id, ct) ?? 0;

    /// <summary>Rebuilds this instance's snapshot from the database when the database's generation differs from it.
    /// Returns true when it rebuilt.</summary>
    public async Task<bool> RefreshAsync(string dataDirectory, CancellationToken ct)
    {
        var generation = await GenerationAsync(ct);
        if (generation == lists.Generation)
        {
            return false;
        }

        var latest = await LatestPerSourceAsync(ct);
        // Lists this instance already holds in the same version are reused rather than read again.
        var current = lists.Current;
        var held = new Dictionary<string, LoadedList>(StringComparer.Ordinal);
        for (var i = 0; i < current.Sources.Count; i++)
        {
            held[current.Sources[i]] = current.Set.Lists[i];
        }

        var loaded = new List<LoadedList>();
        var sources = new List<string>();
        foreach (var (source, path) in Shipped(dataDirectory))
        {
            if (!latest.ContainsKey(source))
            {
                loaded.Add(held.TryGetValue(source, out var same) && string.Equals(same.Path, path, StringComparison.Ordinal) ? same : ListLoader.Load(path));
                sources.Add(source);
            }
        }

        foreach (var version in latest.Values.OrderBy(v => v.Id))
        {
            loaded.Add(held.TryGetValue(version.Source, out var same) && string.Equals(same.Version, version.Label, StringComparison.Ordinal)
                ? same
                : Read(version.Source, version.FileName, version.Content));
            sources.Add(version.Source);
        }

        lists.Replace(new ListSnapshot(ListSet.From(loaded), sources, generation));
        return true;
    }

    /// <summary>Why <paramref name="fileName"/> cannot name an uploaded list file, or null.</summary>
    public static string? FileNameProblem(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var name = Path.GetFileName(fileName);
        if (!string.Equals(name, fileName, StringComparison.Ordinal) || fileName.Contains('\\', StringComparison.Ordinal))
        {
            return "a file name without folders, such as consolidated.csv";
        }

        if (name.Length is 0 or > 200)
        {
            return "the file needs a name of 1 to 200 characters";
        }

        // NUL and the other control characters cannot be in a file name on every system (the upload is written to a
        // file to be read); '*', '?', '<' … are refused too, so a name stored here can be written anywhere.
        var bad = name.IndexOfAny([.. Path.GetInvalidFileNameChars(), '<', '>', ':', '"', '|', '?', '*', '\\']);
        if (bad < 0 && !name.Any(char.IsControl))
        {
            return name is "." or ".." ? "the file needs a name of 1 to 200 characters" : null;
        }

        var c = bad >= 0 ? name[bad] : name.First(char.IsControl);
        return $"the file name contains U+{((int)c).ToString("X4", CultureInfo.InvariantCulture)}, which a file name cannot contain";
    }

    /// <summary>
    /// Stores a new version of a list, re-screens the parties and the held orders against the entries it added or
    /// changed, records the counts with the version and in the audit event, all in one transaction, and switches this
    /// instance to it (others follow on their next <see cref="RefreshAsync"/>).
    /// </summary>
    public async Task<ListImportOutcome> ImportAsync(string actor, string? source, string fileName, byte[] content, string dataDirectory, CancellationToken ct)
    {
        if (FileNameProblem(fileName) is { } problem)
        {
            return new ListImportOutcome(ListImportResult.Invalid, null, problem);
        }

        var safeName = Path.GetFileName(fileName);

        LoadedList incoming;
        try
        {
            incoming = Read("upload", safeName, content);
        }
        catch (ListFormatException e)
        {
            return new ListImportOutcome(ListImportResult.Invalid, null, e.Message);
        }

        if (incoming.Entries.Count == 0)
        {
            return new ListImportOutcome(ListImportResult.Invalid, null, $"{safeName}: no usable entries");
        }

        source ??= DefaultSource(incoming.Format);
        if (source.Length is 0 or > MaximumSourceLength || !source.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return new ListImportOutcome(ListImportResult.Invalid, null, $"the source is 1 to {MaximumSourceLength} letters, digits, '-' or '_'");
        }

        // Read under the source's name, as every instance that rebuilds from the database reads it, and index the
        // next lists before taking the chain's lock: building the index takes seconds, and writers wait for the lock.
        var stored = Read(source, safeName, content);
        await RefreshAsync(dataDirectory, ct);
        var plan = Plan(lists.Current, source, stored);
        await using var transaction = await audit.BeginAsync(ct);
        if (await GenerationAsync(ct) != plan.Current.Generation)
        {
            // Another instance imported meanwhile; the lock now orders the imports, so plan again on top of its version.
            await RefreshAsync(dataDirectory, ct);
            plan = Plan(lists.Current, source, stored);
        }

        if (plan.Previous is { } previous && string.Equals(previous.Sha256, stored.Sha256, StringComparison.Ordinal))
        {
            return new ListImportOutcome(ListImportResult.Unchanged, null, $"{safeName} is the version of '{source}' already screened");
        }

        var version = new ListVersion
        {
            Source = source,
            FileName = safeName,
            Format = stored.Format.ToString(),
            Sha256 = stored.Sha256,
            Label = stored.Version,
            Content = content,
            EntryCount = stored.Entries.Count,
            ProblemCount = stored.Problems.Count,
            ImportedBy = actor,
            ImportedAt = AuditChain.Truncate(clock.GetUtcNow()),
            EntriesAdded = plan.Added,
            EntriesChanged = plan.Delta.Count - plan.Added,
            EntriesRemoved = plan.Removed,
        };
        db.ListVersions.Add(version);
        await db.SaveChangesAsync(ct);

        var next = new ListSnapshot(plan.Next, plan.Sources, version.Id);
        if (plan.Previous is { } replaced)
        {
            version.AlertsSuperseded = await alerts.SupersedeAsync(actor, version, replaced.Entries, stored.Entries, ct);
        }

        var raised = 0;
        if (plan.Delta.Count > 0)
        {
            var index = ScreeningIndex.Build(plan.Delta);
            foreach (var party in await db.Parties.ToListAsync(ct))
            {
                raised += (await alerts.ScreenPartyAsync(party, next, index, ct)).Count;
                version.PartiesRescreened++;
            }

            foreach (var order in await db.Orders.Where(o => o.Status == OrderStatus.Held).ToListAsync(ct))
            {
                raised += (await alerts.AddOrderAlertsAsync(order, next, index, ct)).Count;
                version.OrdersRescreened++;
            }
        }

        version.AlertsRaised = raised;
        await audit.AppendAsync(
            new AuditEntry(actor, "list.imported", "list-version", version.Id.ToString(CultureInfo.InvariantCulture),
                new
                {
                    version.Source,
                    version.FileName,
                    version.Format,
                    version.Sha256,
                    version.Label,
                    version.EntryCount,
                    version.ProblemCount,
                    version.EntriesAdded,
                    version.EntriesChanged,
                    version.EntriesRemoved,
                    version.PartiesRescreened,
                    version.OrdersRescreened,
                    version.AlertsRaised,
                    version.AlertsSuperseded,
                })
            {
                ListVersionHash = next.Hash,
            },
            ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        lists.Replace(next);
        return new ListImportOutcome(ListImportResult.Imported, version, null);
    }

    /// <summary>The lists with <paramref name="stored"/> in place of its source's version, indexed, and the entries it
    /// adds or changes against that version.</summary>
    static ListImportPlan Plan(ListSnapshot current, string source, LoadedList stored)
    {
        var at = current.Sources.ToList().IndexOf(source);
        var previous = at >= 0 ? current.Set.Lists[at] : null;
        var before = Fingerprints(previous?.Entries ?? []);
        var after = Fingerprints(stored.Entries);
        var delta = stored.Entries.Where(e => !before.TryGetValue(Key(e), out var old) || !string.Equals(old, after[Key(e)], StringComparison.Ordinal)).ToList();
        var added = after.Keys.Count(k => !before.ContainsKey(k));
        var removed = before.Keys.Count(k => !after.ContainsKey(k));
        var loaded = current.Set.Lists.ToList();
        var sources = current.Sources.ToList();
        if (at >= 0)
        {
            loaded[at] = stored;
        }
        else
        {
            loaded.Add(stored);
            sources.Add(source);
        }

        var unchanged = previous is not null && string.Equals(previous.Sha256, stored.Sha256, StringComparison.Ordinal);
        return new ListImportPlan(current, previous, unchanged ? current.Set : ListSet.From(loaded), sources, delta, added, removed);
    }

    async Task<Dictionary<string, ListVersion>> LatestPerSourceAsync(CancellationToken ct)
    {
        var ids = await db.ListVersions.AsNoTracking().GroupBy(v => v.Source).Select(g => g.Max(v => v.Id)).ToListAsync(ct);
        var versions = await db.ListVersions.AsNoTracking().Where(v => ids.Contains(v.Id)).ToListAsync(ct);
        return versions.ToDictionary(v => v.Source, StringComparer.Ordinal);
    }

    /// <summary>Reads stored bytes as a list file: written to a folder named after the source, so the label every entry
    /// carries is the same on every instance ("db-csl/consolidated.csv sha256:…", the content hash telling versions apart).</summary>
    static LoadedList Read(string source, string fileName, byte[] content)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"clearance-{Guid.NewGuid():N}", $"db-{source}");
        Directory.CreateDirectory(folder);
        try
        {
            var path = Path.Combine(folder, fileName);
            File.WriteAllBytes(path, content);
            try
            {
                return ListLoader.Load(path);
            }
            catch (ListFormatException e)
            {
                // The temporary folder is the server's business: the uploader knows the file by its name.
                throw new ListFormatException(e.Message.Replace(path, fileName, StringComparison.Ordinal).Replace(folder, "", StringComparison.Ordinal));
            }
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
        }
    }

    static string Key(ListEntry entry) => entry.List + "\n" + entry.Id;

    /// <summary>Entry fingerprint per list and id (several rows under one id count as one entry).</summary>
    static Dictionary<string, string> Fingerprints(IEnumerable<ListEntry> entries)
    {
        var prints = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var key = Key(entry);
            var print = EntryFingerprint.Of(entry);
            prints[key] = prints.TryGetValue(key, out var earlier) ? earlier + print : print;
        }

        return prints;
    }
}
