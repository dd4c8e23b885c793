using System.Globalization;
using Clearance.Alerts;
using Clearance.Audit;
using Clearance.Data;
using Clearance.Parties;
using Clearance.Rules;
using Clearance.Screening;
using Microsoft.EntityFrameworkCore;

namespace Clearance.Lists;

/// <summary>
/// List versions in the database. Each source (csl, ofac-sdn, dpl, custom, or a name the importer gives) is screened in
/// its newest imported version, or in the shipped snapshot when never imported. The highest version id is the
/// database's generation: an instance whose snapshot was built from an older one rebuilds from the stored files
/// (<see cref="RefreshAsync"/>). An import re-screens only against the entries it added or changed (delta).
/// </summary>
/// <remarks>Country names in the lists are read as <paramref name="data"/>'s country codes.</remarks>
public sealed class ListVersions(
    ClearanceDbContext db, AuditLog audit, ScreeningLists lists, AlertWorkflow alerts, ScreeningPasses passes, ClearanceData data, TimeProvider clock)
{
    public const string Csl = ShippedLists.Csl;
    public const string OfacSdn = ShippedLists.OfacSdn;
    public const int MaximumSourceLength = 64;
    public const int MaximumReasonLength = 2000;

    /// <summary>A version removing more of the entries in use for its source than this share needs a second person (four eyes).</summary>
    public const double MaximumRemovedShare = 0.10;

    /// <summary>The shipped snapshots, by source (<see cref="ShippedLists.Default"/>); several files may share a source.</summary>
    public static IReadOnlyList<(string Source, string Path, DateOnly AsOf)> Shipped(string dataDirectory) =>
        [.. ShippedLists.Default.Select(l => (l.Source, ShippedLists.PathOf(l, Path.Combine(dataDirectory, "lists")), l.AsOf))];

    /// <summary>The shipped snapshots of <paramref name="data"/>'s data folder indexed, as every instance starts before
    /// it reads the database.</summary>
    public static ListSnapshot LoadShipped(ClearanceData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var shipped = Shipped(data.Options.DataDirectory);
        return new ListSnapshot(ListSet.Load(shipped.Select(s => s.Path), data.Countries), [.. shipped.Select(s => s.Source)], 0)
        {
            Dates = [.. shipped.Select(s => (DateOnly?)s.AsOf)],
        };
    }

    /// <summary>As <see cref="LoadShipped(ClearanceData)"/>, with the indexed lists kept in <paramref name="cacheDirectory"/>
    /// between runs (<see cref="ListCache"/>); a cache that cannot be used or written is reported on <paramref name="log"/>.</summary>
    public static ListSnapshot LoadShipped(ClearanceData data, string cacheDirectory, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(data);
        var shipped = Shipped(data.Options.DataDirectory);
        return new ListSnapshot(ListSet.Load(shipped.Select(s => s.Path), data.Countries, cacheDirectory, log), [.. shipped.Select(s => s.Source)], 0)
        {
            Dates = [.. shipped.Select(s => (DateOnly?)s.AsOf)],
        };
    }

    /// <summary>The source a file of this format replaces when the importer names none.</summary>
    public static string DefaultSource(ListFormat format) => format switch
    {
        ListFormat.CslCsv => Csl,
        ListFormat.CslJson => Csl,
        ListFormat.OfacLegacy => OfacSdn,
        ListFormat.BisDpl => "dpl",
        ListFormat.Custom => "custom",
        ListFormat.PartyListJson => "agency-list",
        ListFormat.OfacSdnJson => OfacSdn,
    };

    /// <summary>Newest first, without content.</summary>
    public async Task<IReadOnlyList<ListVersionSummary>> ListAsync(CancellationToken ct) =>
        await db.ListVersions.AsNoTracking().OrderByDescending(v => v.Id)
            .Select(v => new ListVersionSummary(v.Id, v.Source, v.FileName, v.Format, v.Sha256, v.Label, v.EntryCount, v.ProblemCount,
                v.ImportedBy, v.ImportedAt, v.EntriesAdded, v.EntriesChanged, v.EntriesRemoved, v.PartiesRescreened, v.OrdersRescreened, v.AlertsRaised, v.AlertsSuperseded,
                v.Status, v.ForceReason, v.ApprovedBy, v.ApprovedAt, v.ApprovedVersionId))
            .ToListAsync(ct);

    /// <summary>The database's current generation: the newest version id, 0 when nothing was imported.</summary>
    public async Task<long> GenerationAsync(CancellationToken ct) =>
        await db.ListVersions.AsNoTracking().Where(v => v.Status == ListVersionStatus.Effective).MaxAsync(v => (long?)v.Id, ct) ?? 0;

    /// <summary>Rebuilds this instance's snapshot from the database when the database's generation differs from it.
    /// Returns true when it rebuilt.</summary>
    public async Task<bool> RefreshAsync(CancellationToken ct)
    {
        var generation = await GenerationAsync(ct);
        if (generation == lists.Generation)
        {
            return false;
        }

        var latest = await LatestPerSourceAsync(ct);
        // Lists this instance already holds in the same version are reused rather than read again: a shipped file by
        // its path, a stored version by its label (file name and content hash).
        var current = lists.Current;
        var held = new Dictionary<string, LoadedList>(StringComparer.Ordinal);
        foreach (var list in current.Set.Lists)
        {
            held.TryAdd(list.Path, list);
            held.TryAdd(list.Version, list);
        }

        var loaded = new List<LoadedList>();
        var sources = new List<string>();
        var dates = new List<DateOnly?>();
        foreach (var (source, path, asOf) in Shipped(data.Options.DataDirectory))
        {
            if (!latest.ContainsKey(source))
            {
                loaded.Add(held.TryGetValue(path, out var same) ? same : ListLoader.Load(path, data.Countries));
                sources.Add(source);
                dates.Add(asOf);
            }
        }

        foreach (var version in latest.Values.OrderBy(v => v.Id))
        {
            loaded.Add(held.TryGetValue(version.Label, out var same) ? same : Read(version.Source, version.FileName, version.Content));
            sources.Add(version.Source);
            dates.Add(DateOnly.FromDateTime(version.ImportedAt));
        }

        lists.Replace(new ListSnapshot(ListSet.From(loaded, previous: current.Set), sources, generation) { Dates = dates });
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
    /// Stores a new version of a list with its audit event and a re-screening pass (<see cref="ScreeningPass"/>) in one
    /// short transaction, switches this instance to it (others follow on their next <see cref="RefreshAsync"/>), and then,
    /// outside that transaction, re-screens the held orders and the parties against the entries it added or changed in
    /// batches of their own (<see cref="ScreeningPasses"/>), so orders commit meanwhile. The version's re-screening counts
    /// are those of the finished pass; a pass that stops on an error is resumed later and the import still succeeds.
    /// </summary>
    public async Task<ListImportOutcome> ImportAsync(string actor, string? source, string fileName, byte[] content, CancellationToken ct) =>
        await ImportAsync(actor, source, fileName, content, null, ct);

    /// <summary>As <see cref="ImportAsync(string, string?, string, byte[], CancellationToken)"/>; a version that
    /// would remove more than <see cref="MaximumRemovedShare"/> of the entries in use for its source, or change the
    /// source's format, is refused unless <paramref name="forceReason"/> gives the reason to force it, and then it is
    /// stored as pending: it takes effect only when another compliance officer or admin approves it
    /// (<see cref="ApproveAsync"/>).</summary>
    public async Task<ListImportOutcome> ImportAsync(string actor, string? source, string fileName, byte[] content, string? forceReason, CancellationToken ct)
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

        var (stored, plan) = await ReadAndPlanAsync(source, safeName, content, ct);
        var parties = await db.Parties.CountAsync(ct);
        // Everything the version's transaction writes is worked out before it takes the lock (the rows, the alerts it
        // supersedes, the audit payloads), and EF's and the serializer's first-use work for them done, so that the
        // first import in a process does not compile under the lock while order commits wait (bench/README.md).
        var guard = Guard(plan, stored);
        var version = NewVersion(actor, source, safeName, content, stored, plan, guard, forceReason);
        var supersession = Supersede(plan, stored);
        await PrepareAsync(actor, guard is not null && forceReason is null ? Refused(source, safeName, stored, plan, guard) : null,
            version, plan, supersession, parties, ct);
        var transaction = await audit.BeginAsync(ct);
        await using var _ = transaction;
        if (await GenerationAsync(ct) != plan.Current.Generation)
        {
            // Another instance imported meanwhile; the lock now orders the imports, so plan again on top of its version.
            await RefreshAsync(ct);
            plan = Plan(lists.Current, source, stored, new ParallelOptions());
            guard = Guard(plan, stored);
            version = NewVersion(actor, source, safeName, content, stored, plan, guard, forceReason);
            supersession = Supersede(plan, stored);
        }

        if (plan.Unchanged)
        {
            return new ListImportOutcome(ListImportResult.Unchanged, null, $"{safeName} is the version of '{source}' already screened");
        }

        if (guard is not null && forceReason is null)
        {
            await audit.AppendAsync(new AuditEntry(actor, "list.refused", "list-source", source, Refused(source, safeName, stored, plan, guard)), ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return new ListImportOutcome(ListImportResult.Refused, null, guard, plan.RemovedByList, plan.RemovedSample);
        }

        db.ListVersions.Add(version);
        await db.SaveChangesAsync(ct);
        if (guard is not null)
        {
            await audit.AppendAsync(
                new AuditEntry(actor, "list.forced-pending", "list-version", version.Id.ToString(CultureInfo.InvariantCulture), Pending(version, plan, guard)), ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return new ListImportOutcome(ListImportResult.Pending, version, guard, plan.RemovedByList, plan.RemovedSample);
        }

        var (next, pass) = await ApplyAsync(actor, "list.imported", version, plan, supersession, parties, ct);
        await transaction.CommitAsync(ct);
        await transaction.DisposeAsync();
        lists.Replace(next);
        await RescreenAsync(version, pass, next, plan, ct);
        return new ListImportOutcome(ListImportResult.Imported, version, null);
    }

    /// <summary>Approves a pending (forced) version: a second compliance officer or admin, never its uploader. The
    /// approval stores the content again as a new version (the database's next generation, so every instance follows),
    /// planned against the lists in use now, and links both rows.</summary>
    public async Task<ListApprovalOutcome> ApproveAsync(string actor, long id, CancellationToken ct)
    {
        var pending = await db.ListVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Id == id, ct);
        if (pending is null)
        {
            return new ListApprovalOutcome(ListApprovalResult.NotFound, null, $"no list version {id}");
        }

        if (pending.Status != ListVersionStatus.Pending)
        {
            return new ListApprovalOutcome(ListApprovalResult.NotPending, null, $"list version {id} is {pending.Status}, not pending");
        }

        if (string.Equals(pending.ImportedBy, actor, StringComparison.Ordinal))
        {
            return new ListApprovalOutcome(ListApprovalResult.OwnUpload, null, $"list version {id} was uploaded by {actor}: another compliance officer or admin must approve it");
        }

        var (stored, plan) = await ReadAndPlanAsync(pending.Source, pending.FileName, pending.Content, ct);
        var parties = await db.Parties.CountAsync(ct);
        // As for an import: worked out, and EF's first-use work done, before the lock.
        var version = ApprovedVersion(actor, pending, stored, plan);
        var supersession = Supersede(plan, stored);
        await PrepareAsync(actor, null, version, plan, supersession, parties, ct);
        var transaction = await audit.BeginAsync(ct);
        await using var _ = transaction;
        if (await GenerationAsync(ct) != plan.Current.Generation)
        {
            await RefreshAsync(ct);
            plan = Plan(lists.Current, pending.Source, stored, new ParallelOptions());
            version = ApprovedVersion(actor, pending, stored, plan);
            supersession = Supersede(plan, stored);
        }

        var row = await db.ListVersions.SingleAsync(v => v.Id == id, ct);
        if (row.Status != ListVersionStatus.Pending)
        {
            return new ListApprovalOutcome(ListApprovalResult.NotPending, null, $"list version {id} is {row.Status}, not pending");
        }

        db.ListVersions.Add(version);
        row.Status = ListVersionStatus.Approved;
        row.ApprovedBy = actor;
        row.ApprovedAt = version.ApprovedAt;
        await db.SaveChangesAsync(ct);
        var (next, pass) = await ApplyAsync(actor, "list.approved", version, plan, supersession, parties, ct);
        await transaction.CommitAsync(ct);
        await transaction.DisposeAsync();
        lists.Replace(next);
        await RescreenAsync(version, pass, next, plan, ct);
        return new ListApprovalOutcome(ListApprovalResult.Approved, version, null);
    }

    /// <summary>Why a version needs a second person: it removes more than <see cref="MaximumRemovedShare"/> of the
    /// entries in use for its source, or it changes the source's format; null when it needs none.</summary>
    static string? Guard(ListImportPlan plan, LoadedList stored)
    {
        var before = plan.PreviousEntries;
        if (before > 0 && plan.RemovedNames > before * MaximumRemovedShare)
        {
            return $"{Path.GetFileName(stored.Path)} would remove {plan.RemovedNames.ToString("N0", CultureInfo.InvariantCulture)} "
                + $"of the {before.ToString("N0", CultureInfo.InvariantCulture)} entries in use for '{plan.Source}' "
                + $"({(plan.RemovedNames * 100.0 / before).ToString("F1", CultureInfo.InvariantCulture)}%, more than "
                + $"{(MaximumRemovedShare * 100).ToString("F0", CultureInfo.InvariantCulture)}%): "
                + string.Join("; ", plan.RemovedByList.Select(r => $"{r.Value.ToString(CultureInfo.InvariantCulture)} of {r.Key}"));
        }

        var kinds = plan.Previous.Select(l => FormatKind(l.Format)).Distinct(StringComparer.Ordinal).ToList();
        if (kinds.Count > 0 && !kinds.Contains(FormatKind(stored.Format), StringComparer.Ordinal))
        {
            return $"{Path.GetFileName(stored.Path)} is {stored.Format.Name()}, but '{plan.Source}' is in use as {string.Join(", ", plan.Previous.Select(l => l.Format.Name()).Distinct(StringComparer.Ordinal))}: a change of the list's source format";
        }

        return null;
    }

    /// <summary>Formats that carry the same kind of list: the CSL and its component lists; the OFAC SDN in either layout.</summary>
    static string FormatKind(ListFormat format) => format switch
    {
        ListFormat.CslCsv or ListFormat.CslJson or ListFormat.PartyListJson => "consolidated",
        ListFormat.OfacLegacy or ListFormat.OfacSdnJson => "ofac-sdn",
        ListFormat.BisDpl => "dpl",
        ListFormat.Custom => "custom",
    };

    /// <summary>Puts a stored version into effect within the open transaction: supersedes the alerts it invalidates,
    /// records the re-screening pass over its new or changed entries (when there are any), audits it; returns the next
    /// snapshot and the pass. The re-screening itself runs after the commit (<see cref="RescreenAsync"/>).</summary>
    async Task<(ListSnapshot Next, ScreeningPass? Pass)> ApplyAsync(string actor, string action, ListVersion version, ListImportPlan plan,
        Supersession supersession, int parties, CancellationToken ct)
    {
        var next = new ListSnapshot(plan.Next, plan.Sources, version.Id) { Dates = plan.Dates(DateOnly.FromDateTime(version.ImportedAt)) };
        if (plan.Previous.Count > 0)
        {
            version.AlertsSuperseded = await alerts.SupersedeAsync(actor, version, supersession, ct);
        }

        var pass = plan.Delta.Count > 0 ? await passes.AddDeltaAsync(version, plan.Delta, parties, ScreeningPasses.ThisProcess, ct) : null;
        await audit.AppendAsync(
            new AuditEntry(actor, action, "list-version", version.Id.ToString(CultureInfo.InvariantCulture), Applied(version, pass?.Id, pass is null ? 0 : parties))
            {
                ListVersionHash = next.Hash,
            },
            ct);
        await db.SaveChangesAsync(ct);
        return (next, pass);
    }

    /// <summary>
    /// Before the chain's lock, for a version about to be stored: has EF compile the queries the version's transaction
    /// runs and build what tracking its rows needs (on <paramref name="version"/> and copies of the others, none of them
    /// saved), and the serializer what its audit payloads need (<paramref name="refused"/>'s when the version is refused).
    /// Writes nothing. Tracking a row of a type for the first time in a process compiles hundreds of methods, which took
    /// 230 ms under the lock on a loaded machine (bench/README.md, "The import's version transaction").
    /// </summary>
    async Task PrepareAsync(string actor, object? refused, ListVersion version, ListImportPlan plan, Supersession supersession, int parties,
        CancellationToken ct)
    {
        if (refused is not null)
        {
            await audit.PrepareAsync([refused], ct);
            return;
        }

        db.PrepareTracking(version);
        if (version.Status == ListVersionStatus.Pending)
        {
            // Stored pending: nothing is superseded or re-screened until it is approved.
            await audit.PrepareAsync([Pending(version, plan, version.ForceReason!)], ct);
            return;
        }

        if (plan.Previous.Count > 0)
        {
            await alerts.PrepareSupersedeAsync(actor, version, supersession, ct);
        }

        if (plan.Delta.Count > 0)
        {
            passes.PrepareDelta(version, plan.Delta, parties, ScreeningPasses.ThisProcess);
        }

        await audit.PrepareAsync([Applied(version, 0, parties)], ct);
    }

    /// <summary>The alerts a version makes out of date, from the source's replaced lists and the version's entries.</summary>
    static Supersession Supersede(ListImportPlan plan, LoadedList stored) => new(plan.Previous.SelectMany(l => l.Entries), stored.Entries);

    /// <summary>The row of an uploaded version: effective, or pending a second person when <paramref name="guard"/> says why.</summary>
    ListVersion NewVersion(string actor, string source, string fileName, byte[] content, LoadedList stored, ListImportPlan plan, string? guard,
        string? forceReason) =>
        Row(actor, source, fileName, content, stored, plan, guard is null ? ListVersionStatus.Effective : ListVersionStatus.Pending,
            guard is null ? null : forceReason, null);

    /// <summary>The row that puts <paramref name="pending"/> into effect, approved by <paramref name="actor"/>:
    /// <paramref name="stored"/> is read from <paramref name="pending"/>'s content, so its format and hash are the pending row's.</summary>
    ListVersion ApprovedVersion(string actor, ListVersion pending, LoadedList stored, ListImportPlan plan) =>
        Row(pending.ImportedBy, pending.Source, pending.FileName, pending.Content, stored, plan, ListVersionStatus.Effective, pending.ForceReason,
            (actor, pending.Id));

    /// <summary>A version's row, imported now; with <paramref name="approval"/>, approved now by its approver.</summary>
    ListVersion Row(string importedBy, string source, string fileName, byte[] content, LoadedList stored, ListImportPlan plan, string status,
        string? forceReason, (string By, long PendingId)? approval)
    {
        var now = AuditChain.Truncate(clock.GetUtcNow());
        return new ListVersion
        {
            Source = source,
            FileName = fileName,
            Format = stored.Format,
            Sha256 = stored.Sha256,
            Label = stored.Version,
            Content = content,
            EntryCount = stored.Entries.Count,
            ProblemCount = stored.Problems.Count,
            ImportedBy = importedBy,
            ImportedAt = now,
            EntriesAdded = plan.Added,
            EntriesChanged = plan.Delta.Count - plan.Added,
            EntriesRemoved = plan.Removed,
            Status = status,
            ForceReason = forceReason,
            ApprovedBy = approval?.By,
            ApprovedAt = approval is null ? null : now,
            ApprovedVersionId = approval?.PendingId,
        };
    }

    /// <summary>The audit payload of a version refused for <paramref name="guard"/>.</summary>
    static object Refused(string source, string fileName, LoadedList stored, ListImportPlan plan, string guard) =>
        new { Source = source, FileName = fileName, Format = stored.Format.Name(), stored.Sha256, EntryCount = stored.Entries.Count, Refusal = guard, RemovedByList = plan.RemovedByList };

    /// <summary>The audit payload of a version forced into pending for <paramref name="guard"/>.</summary>
    static object Pending(ListVersion version, ListImportPlan plan, string guard) =>
        new { version.Source, version.FileName, Format = version.Format.Name(), version.Sha256, version.EntryCount, version.EntriesRemoved, Refusal = guard, Reason = version.ForceReason, RemovedByList = plan.RemovedByList };

    /// <summary>The audit payload of a version put into effect, with its pass (null when it changed no entry).</summary>
    static object Applied(ListVersion version, long? pass, int partiesToRescreen) => new
    {
        version.Source,
        version.FileName,
        Format = version.Format.Name(),
        version.Sha256,
        version.Label,
        version.EntryCount,
        version.ProblemCount,
        version.EntriesAdded,
        version.EntriesChanged,
        version.EntriesRemoved,
        version.AlertsSuperseded,
        RescreenPass = pass,
        PartiesToRescreen = partiesToRescreen,
        version.ImportedBy,
        version.ForceReason,
        version.ApprovedVersionId,
    };

    /// <summary>Runs the version's pass against its delta in this request, outside any lock, and copies its counts onto
    /// <paramref name="version"/>. A pass that stops is resumed later (<see cref="ScreeningPasses.ResumeAsync"/>); the
    /// import stands either way.</summary>
    async Task RescreenAsync(ListVersion version, ScreeningPass? pass, ListSnapshot next, ListImportPlan plan, CancellationToken ct)
    {
        if (pass is null)
        {
            return;
        }

        var delta = ScreeningIndex.Build(plan.Delta);
        var run = await passes.RunAsync(pass.Id, next, delta, ScreeningPasses.ThisProcess, null, ct);
        if (run?.FinishedAt is not null)
        {
            version.PartiesRescreened = run.PartiesScreened;
            version.OrdersRescreened = run.OrdersScreened;
            version.AlertsRaised = run.AlertsRaised;
        }
    }

    /// <summary>
    /// Before the chain's lock: the content read under the source's name, as every instance that rebuilds from the
    /// database reads it, and the plan of the next lists against the current ones, indexed. Building the index takes
    /// seconds, and writers wait for the lock; it runs on the background threads (<see cref="BackgroundScheduler"/>), so
    /// that orders committing meanwhile get a core when they need one.
    /// </summary>
    async Task<(LoadedList Stored, ListImportPlan Plan)> ReadAndPlanAsync(string source, string fileName, byte[] content, CancellationToken ct)
    {
        await RefreshAsync(ct);
        var current = lists.Current;
        return await BackgroundScheduler.Run(() =>
        {
            var stored = Read(source, fileName, content);
            return (stored, Plan(current, source, stored, BackgroundScheduler.Options(CancellationToken.None)));
        }, ct);
    }

    /// <summary>The lists with <paramref name="stored"/> in place of every list of its source, indexed, and the entries
    /// it adds, changes and removes against them.</summary>
    /// <remarks>The index is built in a parallel loop with <paramref name="parallel"/>: on the background threads before
    /// the chain's lock is taken (<see cref="BackgroundScheduler"/>), at normal priority under it.</remarks>
    static ListImportPlan Plan(ListSnapshot current, string source, LoadedList stored, ParallelOptions parallel)
    {
        var replaced = Enumerable.Range(0, current.Sources.Count).Where(i => string.Equals(current.Sources[i], source, StringComparison.Ordinal)).ToList();
        var previous = replaced.Select(i => current.Set.Lists[i]).ToList();
        var before = Fingerprints(previous.SelectMany(l => l.Entries));
        var after = Fingerprints(stored.Entries);
        var delta = stored.Entries.Where(e => !before.TryGetValue(Key(e), out var old) || !string.Equals(old, after[Key(e)], StringComparison.Ordinal)).ToList();
        var added = after.Keys.Count(k => !before.ContainsKey(k));
        var removed = before.Keys.Count(k => !after.ContainsKey(k));
        // What a version removes is judged by name within each list, not by entry id: ids differ between layouts of the
        // same list (a CSL's _id, an id derived from a component list's name), names do not.
        var namesAfter = stored.Entries.SelectMany(e => e.Aliases.Prepend(e.Name).Select(n => NameKey(e.List, n))).ToHashSet(StringComparer.Ordinal);
        var inUse = previous.SelectMany(l => l.Entries).DistinctBy(e => NameKey(e.List, e.Name)).ToList();
        var gone = inUse.Where(e => !namesAfter.Contains(NameKey(e.List, e.Name))).ToList();
        var removedByList = gone.GroupBy(e => e.List, StringComparer.Ordinal).OrderByDescending(g => g.Count())
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var loaded = new List<LoadedList>();
        var sources = new List<string>();
        var dates = new List<DateOnly?>();
        for (var i = 0; i < current.Set.Lists.Count; i++)
        {
            if (i == (replaced.Count > 0 ? replaced[0] : -1))
            {
                loaded.Add(stored);
                sources.Add(source);
                dates.Add(null);
            }
            else if (!replaced.Contains(i))
            {
                loaded.Add(current.Set.Lists[i]);
                sources.Add(current.Sources[i]);
                dates.Add(current.DateOf(i));
            }
        }

        if (replaced.Count == 0)
        {
            loaded.Add(stored);
            sources.Add(source);
            dates.Add(null);
        }

        var unchanged = previous.Count == 1 && string.Equals(previous[0].Sha256, stored.Sha256, StringComparison.Ordinal);
        return new ListImportPlan(current, source, previous, unchanged ? current.Set : ListSet.From(loaded, parallel, current.Set), sources, dates, delta, added, removed)
        {
            Unchanged = unchanged,
            PreviousEntries = inUse.Count,
            RemovedNames = gone.Count,
            RemovedByList = removedByList,
            RemovedSample = [.. gone.Take(20).Select(e => $"{e.Name} ({e.List})")],
        };
    }

    async Task<Dictionary<string, ListVersion>> LatestPerSourceAsync(CancellationToken ct)
    {
        var ids = await db.ListVersions.AsNoTracking().Where(v => v.Status == ListVersionStatus.Effective).GroupBy(v => v.Source).Select(g => g.Max(v => v.Id)).ToListAsync(ct);
        var versions = await db.ListVersions.AsNoTracking().Where(v => ids.Contains(v.Id)).ToListAsync(ct);
        return versions.ToDictionary(v => v.Source, StringComparer.Ordinal);
    }

    /// <summary>Reads stored bytes as a list file: written to a folder named after the source, so the label every entry
    /// carries is the same on every instance ("db-csl/consolidated.csv sha256:…", the content hash telling versions apart).</summary>
    LoadedList Read(string source, string fileName, byte[] content)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"clearance-{Guid.NewGuid():N}", $"db-{source}");
        Directory.CreateDirectory(folder);
        try
        {
            var path = Path.Combine(folder, fileName);
            File.WriteAllBytes(path, content);
            try
            {
                return ListLoader.Load(path, data.Countries);
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

    static string NameKey(string list, string name) => list + "\n" + PartyListJsonReader.FoldName(name);

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
