using System.Collections.Concurrent;
using System.Globalization;
using Clearance.Alerts;
using Clearance.Audit;
using Clearance.Data;
using Clearance.Lists;
using Clearance.Orders;
using Clearance.Screening;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Clearance.Parties;

/// <summary>
/// Re-screens the customer master and the held orders in batches, each committed in its own short transaction, so
/// that orders commit while a pass runs. A batch's names are screened before its transaction begins; the transaction
/// then only moves the pass's cursor, records the batch (one <see cref="ScreeningStamp"/> row: which parties, when, against
/// which lists; no party row is rewritten) and adds the alerts (taking the audit chain's lock only when a batch raises
/// one). The cursor moves only if it is where this process left
/// it, so two processes never both commit the same batch. A pass that stops (an error, a restart) is resumed from its
/// last committed batch by <see cref="ResumeAsync"/>.
/// </summary>
public sealed partial class ScreeningPasses(ClearanceDbContext db, AuditLog audit, AlertWorkflow alerts, ScreeningLists lists, TimeProvider clock,
    ILogger<ScreeningPasses> logger)
{
    public const int MaximumErrorLength = 2000;

    public const string DeltaFinished = "list.rescreened";
    public const string FullStarted = "parties.rescreen-started";
    public const string FullFinished = "parties.rescreened";
    public const string AlertsRaisedEvent = "screening-pass.alerts-raised";

    /// <summary>A pass whose process has not committed a batch for this long is taken over by another.</summary>
    public static TimeSpan Lease { get; } = TimeSpan.FromMinutes(2);

    /// <summary>This process, as the owner of the passes it runs.</summary>
    public static string ThisProcess { get; } = $"{Environment.MachineName}/{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}/{Guid.NewGuid():N}";

    // The passes running in this process, as their runs: a second caller waits for the run under way instead of starting
    // another (the background resumer may take a version's pass between the import's commit and the import's own run).
    // Keyed by database and pass, as one process may serve (or test) several databases.
    static readonly ConcurrentDictionary<(string? Database, long Pass), Task<ScreeningPass?>> Running = new();

    /// <summary>Parties per batch: one transaction each (bench/README.md "A million parties").</summary>
    public int PartyBatchSize { get; init; } = 2000;

    public int OrderBatchSize { get; init; } = 50;

    /// <summary>Records a pass over the entries <paramref name="version"/> added or changed (<paramref name="delta"/>,
    /// kept with the pass by list and id), inside the caller's transaction (the import's), owned by
    /// <paramref name="owner"/>, which runs it after committing (<see cref="RunAsync"/>).</summary>
    public async Task<ScreeningPass> AddDeltaAsync(ListVersion version, IReadOnlyList<ListEntry> delta, int partiesTotal, string owner, CancellationToken ct)
    {
        var pass = NewDelta(version, delta, partiesTotal, owner);
        db.ScreeningPasses.Add(pass);
        await db.SaveChangesAsync(ct);
        return pass;
    }

    /// <summary>Before the import's transaction: builds what tracking the pass <see cref="AddDeltaAsync"/> will add needs
    /// (on a copy of it, for <paramref name="version"/> as it stands before it is stored); writes nothing.</summary>
    public void PrepareDelta(ListVersion version, IReadOnlyList<ListEntry> delta, int partiesTotal, string owner) =>
        db.PrepareTracking(NewDelta(version, delta, partiesTotal, owner));

    ScreeningPass NewDelta(ListVersion version, IReadOnlyList<ListEntry> delta, int partiesTotal, string owner)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(delta);
        var now = Now();
        return new ScreeningPass
        {
            Kind = ScreeningPass.Delta,
            Reason = $"list version {version.Id.ToString(CultureInfo.InvariantCulture)} of '{version.Source}' ({version.FileName}): "
                + $"{version.EntriesAdded.ToString(CultureInfo.InvariantCulture)} entries added, {version.EntriesChanged.ToString(CultureInfo.InvariantCulture)} changed",
            ListVersionId = version.Id,
            DeltaEntries = [.. delta.Select(ScreeningPass.DeltaKey).Distinct(StringComparer.Ordinal)],
            Build = ScreeningBuild.Current,
            StartedAt = now,
            PartiesTotal = partiesTotal,
            Owner = owner,
            HeartbeatAt = now,
        };
    }

    /// <summary>
    /// When the parties were screened by another build than <paramref name="build"/> (or no pass records which build
    /// screened them), starts a full pass, closing unfinished ones as superseded by it; returns it, or null when
    /// nothing needs screening again. On a database without parties the build is recorded as a finished pass.
    /// </summary>
    public async Task<ScreeningPass?> EnsureBuildAsync(string build, CancellationToken ct)
    {
        await using var transaction = await audit.BeginAsync(ct);
        var newest = await db.ScreeningPasses.AsNoTracking().OrderByDescending(p => p.Id).FirstOrDefaultAsync(ct);
        if (newest is not null && string.Equals(newest.Build, build, StringComparison.Ordinal))
        {
            return null;
        }

        var total = await db.Parties.CountAsync(ct);
        var now = Now();
        var nothingToDo = newest is null && total == 0;
        var pass = new ScreeningPass
        {
            Kind = ScreeningPass.Full,
            Reason = newest is null
                ? (nothingToDo ? "first start: no parties to screen" : "no record of the screening build that screened the parties")
                : $"screening build changed from '{newest.Build}'",
            Build = build,
            StartedAt = now,
            PartiesTotal = total,
            EveryEntry = true,
            OrdersDone = nothingToDo,
            FinishedAt = nothingToDo ? now : null,
        };
        db.ScreeningPasses.Add(pass);
        await db.SaveChangesAsync(ct);
        if (!nothingToDo)
        {
            await db.ScreeningPasses.Where(p => p.FinishedAt == null && p.Id != pass.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.FinishedAt, now).SetProperty(p => p.SupersededBy, pass.Id), ct);
            await audit.AppendAsync(
                new AuditEntry(AuditLog.SystemActor, FullStarted, "screening-pass", pass.Id.ToString(CultureInfo.InvariantCulture),
                    new { pass.Id, pass.Reason, pass.Build, pass.PartiesTotal }),
                ct);
            await db.SaveChangesAsync(ct);
        }

        await transaction.CommitAsync(ct);
        return pass;
    }

    /// <summary>Unfinished passes, oldest first.</summary>
    public async Task<IReadOnlyList<ScreeningPass>> OpenAsync(CancellationToken ct) =>
        await db.ScreeningPasses.AsNoTracking().Where(p => p.FinishedAt == null).OrderBy(p => p.Id).ToListAsync(ct);

    /// <summary>The newest finished pass, or null.</summary>
    public async Task<ScreeningPass?> LastFinishedAsync(CancellationToken ct) =>
        await db.ScreeningPasses.AsNoTracking().Where(p => p.FinishedAt != null && p.SupersededBy == null).OrderByDescending(p => p.Id).FirstOrDefaultAsync(ct);

    /// <summary>Resumes every unfinished pass this process can take (its own, never started, or left by a process
    /// silent for <see cref="Lease"/>), against this instance's current lists: a delta pass against its recorded delta
    /// entries (<see cref="ScreeningPass.DeltaEntries"/>), a full one against every entry. Returns how many finished.</summary>
    public async Task<int> ResumeAsync(string owner, CancellationToken ct)
    {
        var finished = 0;
        foreach (var pass in await OpenAsync(ct))
        {
            if ((await RunAsync(pass.Id, lists.Current, null, owner, null, ct))?.FinishedAt is not null)
            {
                finished++;
            }
        }

        return finished;
    }

    /// <summary>
    /// Runs pass <paramref name="id"/> to its end as <paramref name="owner"/>: the held orders, then the parties after
    /// its cursor, against <paramref name="delta"/> (null: the pass's recorded delta entries as <paramref name="snapshot"/>
    /// carries them, or every entry of it for a full pass or one recorded without them), recording each batch as screened
    /// against <paramref name="snapshot"/>'s hash. Returns the pass as it stands, or null when another process holds it.
    /// When this process runs the pass already, waits for that run and returns what it returned (null if it stopped). An
    /// error is recorded on the pass and logged, not thrown: the pass is resumed later. Cancellation is thrown.
    /// </summary>
    /// <param name="id">The pass.</param>
    /// <param name="snapshot">The lists screened against.</param>
    /// <param name="delta">The entries a list version added or changed; null for every entry.</param>
    /// <param name="owner">This process (<see cref="ThisProcess"/>).</param>
    /// <param name="afterBatch">Called after each committed batch with the pass as committed.</param>
    /// <param name="ct">Stops the pass after its current batch rolls back.</param>
    public async Task<ScreeningPass?> RunAsync(long id, ListSnapshot snapshot, ScreeningIndex? delta, string owner, Action<ScreeningPass>? afterBatch,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var key = (db.Database.GetConnectionString(), id);
        var run = new TaskCompletionSource<ScreeningPass?>(TaskCreationOptions.RunContinuationsAsynchronously);
        while (!Running.TryAdd(key, run.Task))
        {
            if (Running.TryGetValue(key, out var other))
            {
                // A run always completes with a result (null when it stopped), never an error.
                return await other.WaitAsync(ct);
            }
        }

        try
        {
            var pass = await RunHereAsync(id, snapshot, delta, owner, afterBatch, ct);
            run.SetResult(pass);
            return pass;
        }
        catch
        {
            // A caller waiting for this run reads it as stopped; the error or cancellation is this caller's.
            run.SetResult(null);
            throw;
        }
        finally
        {
            Running.TryRemove(key, out _);
        }
    }

    /// <summary>Runs the pass in this call once the process-wide check in <see cref="RunAsync"/> has made it the only run here.</summary>
    async Task<ScreeningPass?> RunHereAsync(long id, ListSnapshot snapshot, ScreeningIndex? delta, string owner, Action<ScreeningPass>? afterBatch,
        CancellationToken ct)
    {
        try
        {
            if (delta is null)
            {
                delta = await RecordedDeltaAsync(id, snapshot, ct);
            }

            var now = Now();
            var staleBefore = now - Lease;
            var everyEntry = delta is null;
            var claimed = await db.ScreeningPasses
                .Where(p => p.Id == id && p.FinishedAt == null
                    && (p.Owner == null || p.Owner == owner || p.HeartbeatAt == null || p.HeartbeatAt < staleBefore))
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Owner, owner).SetProperty(p => p.HeartbeatAt, now)
                    .SetProperty(p => p.EveryEntry, p => p.EveryEntry || everyEntry), ct);
            var pass = await db.ScreeningPasses.AsNoTracking().SingleAsync(p => p.Id == id, ct);
            if (claimed == 0)
            {
                return pass.FinishedAt is null ? null : pass;
            }

            var index = pass.EveryEntry ? snapshot.Index : delta!;
            if (everyEntry && pass.Kind == ScreeningPass.Delta)
            {
                ResumedOnEveryEntry(logger, id);
            }

            while (!pass.OrdersDone)
            {
                if (!await OrderBatchAsync(pass, snapshot, index, owner, ct))
                {
                    return null;
                }

                afterBatch?.Invoke(pass);
            }

            // Pipelined: while one batch is screened on every core, the one before it (pending) is written and the one
            // after it read, so the database's work (and its waits) overlap the screening.
            var batch = await ReadPartiesAsync(pass.LastPartyId, ct);
            if (batch.Count > 0)
            {
                await PrepareWritesAsync(pass, batch[0], snapshot, owner, ct);
            }

            ScreenedParties? pending = null;
            while (batch.Count > 0 || pending is not null)
            {
                var current = batch;
                var screening = current.Count > 0 ? BackgroundScheduler.Run(() => ScreenParties(current, index, ct), ct) : null;
                try
                {
                    if (pending is not null)
                    {
                        if (!await WritePartiesAsync(pass, pending, snapshot, owner, ct))
                        {
                            return null;
                        }

                        afterBatch?.Invoke(pass);
                    }

                    batch = current.Count == PartyBatchSize ? await ReadPartiesAsync(current[^1].Id, ct) : [];
                }
                finally
                {
                    // The screening never outlives this method, whatever stopped it.
                    if (screening is not null)
                    {
                        await ((Task)screening).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                    }
                }

                pending = screening is null ? null : new ScreenedParties(current, await screening);
            }

            return await FinishAsync(pass, snapshot, owner, ct) ? pass : null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The batch in flight rolled back; the pass goes on from its last committed batch on the next resume.
            PassFailed(logger, id, e);
            db.ChangeTracker.Clear();
            // The innermost error says what went wrong (a database's own message under EF's "error while saving").
            var message = e.GetBaseException().Message;
            message = message.Length > MaximumErrorLength ? message[..MaximumErrorLength] : message;
            await db.ScreeningPasses.Where(p => p.Id == id && p.Owner == owner && p.FinishedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Failures, p => p.Failures + 1).SetProperty(p => p.LastError, message), CancellationToken.None);
            return await db.ScreeningPasses.AsNoTracking().SingleAsync(p => p.Id == id, CancellationToken.None);
        }
    }

    /// <summary>
    /// The index of a delta pass's recorded entries as <paramref name="snapshot"/> carries them in the lists of the
    /// version's source (a newer version of the source may have changed or removed some; what it changed, its own pass
    /// screens); null for a full pass, a pass already screening every entry, or one recorded without its entries.
    /// </summary>
    async Task<ScreeningIndex?> RecordedDeltaAsync(long id, ListSnapshot snapshot, CancellationToken ct)
    {
        var record = await db.ScreeningPasses.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new { p.Kind, p.EveryEntry, p.ListVersionId, p.DeltaEntries }).SingleOrDefaultAsync(ct);
        if (record is null || record.Kind != ScreeningPass.Delta || record.EveryEntry || record.DeltaEntries.Count == 0
            || record.ListVersionId is not { } version)
        {
            return null;
        }

        var source = await db.ListVersions.AsNoTracking().Where(v => v.Id == version).Select(v => v.Source).SingleAsync(ct);
        var keys = record.DeltaEntries.ToHashSet(StringComparer.Ordinal);
        var entries = snapshot.Set.Lists
            .Where((_, i) => i < snapshot.Sources.Count && string.Equals(snapshot.Sources[i], source, StringComparison.Ordinal))
            .SelectMany(l => l.Entries)
            .Where(e => keys.Contains(ScreeningPass.DeltaKey(e)))
            .ToList();
        ResumedOnDelta(logger, id, entries.Count, keys.Count);
        return ScreeningIndex.Build(entries);
    }

    /// <summary>One batch of held orders; false when another process took the pass.</summary>
    async Task<bool> OrderBatchAsync(ScreeningPass pass, ListSnapshot snapshot, ScreeningIndex index, string owner, CancellationToken ct)
    {
        var after = pass.LastOrderId;
        var orders = await db.Orders.Where(o => o.Status == OrderStatus.Held && o.Id > after).OrderBy(o => o.Id).Take(OrderBatchSize).ToListAsync(ct);
        await using var transaction = await audit.BeginAsync(ct);
        var raised = new List<Alert>();
        foreach (var order in orders)
        {
            raised.AddRange(await alerts.AddOrderAlertsAsync(order, snapshot, index, ct));
        }

        var step = new Step(orders.Count > 0 ? orders[^1].Id : after, orders.Count < OrderBatchSize, pass.LastPartyId, 0, orders.Count, raised.Count);
        if (!await AdvanceAsync(pass, step, owner, ct))
        {
            return false;
        }

        await RecordAsync(pass, raised, snapshot, ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        Apply(pass, step);
        return true;
    }

    /// <summary>What a party batch screens: only the columns it needs, untracked.</summary>
    sealed record PartyRow(long Id, string Name, List<string> Aliases, string Country, string? Address, string SubjectKey, string NameKey, List<PartyOwner> Owners);

    /// <summary>A batch of parties and, per party, its hits.</summary>
    sealed record ScreenedParties(List<PartyRow> Parties, IReadOnlyList<PartySubjectHits>[] Hits);

    /// <summary>The next <see cref="PartyBatchSize"/> parties after <paramref name="after"/>, in id order.</summary>
    async Task<List<PartyRow>> ReadPartiesAsync(long after, CancellationToken ct) =>
        await db.Parties.AsNoTracking().Where(p => p.Id > after).OrderBy(p => p.Id).Take(PartyBatchSize)
            .Select(p => new PartyRow(p.Id, p.Name, p.Aliases, p.Country, p.Address, p.SubjectKey, p.NameKey, p.Owners))
            .ToListAsync(ct);

    /// <summary>Screens a batch on every core at background priority (<see cref="BackgroundScheduler"/>); pure computation,
    /// outside any transaction.</summary>
    static IReadOnlyList<PartySubjectHits>[] ScreenParties(List<PartyRow> batch, ScreeningIndex index, CancellationToken ct)
    {
        var hits = new IReadOnlyList<PartySubjectHits>[batch.Count];
        Parallel.For(0, batch.Count, BackgroundScheduler.Options(ct),
            i => hits[i] = AlertWorkflow.PartyHits(batch[i].Name, batch[i].Aliases, batch[i].Country, batch[i].Address, batch[i].SubjectKey, batch[i].NameKey,
                batch[i].Owners, index));
        return hits;
    }

    /// <summary>
    /// Commits one screened batch of parties in its own short transaction: moves the cursor to its last party, records
    /// its id range as screened now against the lists (one <see cref="ScreeningStamp"/> row, instead of rewriting the
    /// batch's party rows) and adds the alerts of the parties with hits (the only rows read again, and tracked). False
    /// when another process took the pass.
    /// </summary>
    async Task<bool> WritePartiesAsync(ScreeningPass pass, ScreenedParties screened, ListSnapshot snapshot, string owner, CancellationToken ct)
    {
        var (batch, hits) = screened;
        var hit = Enumerable.Range(0, batch.Count).Where(i => HasHit(hits[i])).ToDictionary(i => batch[i].Id);
        var after = pass.LastPartyId;
        var last = batch[^1].Id;
        var now = Now();
        var hash = snapshot.Hash;
        // Only a batch that raises alerts writes to the audit chain, and so only it takes the chain's lock.
        await using var transaction = hit.Count > 0 ? await audit.BeginAsync(ct) : await db.Database.BeginTransactionAsync(ct);
        var raised = new List<Alert>();
        if (hit.Count > 0)
        {
            foreach (var party in await TrackedPartiesAsync([.. hit.Keys], ct))
            {
                var i = hit[party.Id];
                // A party changed since the batch was read was screened by its own change; its old subject raises nothing.
                if (string.Equals(party.SubjectKey, batch[i].SubjectKey, StringComparison.Ordinal))
                {
                    raised.AddRange(await alerts.RaisePartyAlertsAsync(party, hits[i], hash, ct));
                }
            }
        }

        var step = new Step(pass.LastOrderId, true, last, batch.Count, 0, raised.Count);
        if (!await AdvanceAsync(pass, step, owner, ct))
        {
            return false;
        }

        db.ScreeningStamps.Add(new ScreeningStamp { PassId = pass.Id, AfterPartyId = after, LastPartyId = last, ScreenedAt = now, ListVersionHash = hash });
        await RecordAsync(pass, raised, snapshot, ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        Apply(pass, step);
        return true;
    }

    /// <summary>The parties <paramref name="ids"/> names, tracked, in id order: a batch's parties with hits.</summary>
    Task<List<Party>> TrackedPartiesAsync(List<long> ids, CancellationToken ct) =>
        db.Parties.Where(p => ids.Contains(p.Id)).OrderBy(p => p.Id).ToListAsync(ct);

    /// <summary>Whether any subject of a party has a hit (a loop: this runs for every party of a pass).</summary>
    static bool HasHit(IReadOnlyList<PartySubjectHits> subjects)
    {
        for (var i = 0; i < subjects.Count; i++)
        {
            if (subjects[i].Hits.Count > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Where a batch leaves the pass, and what it added to the counts.</summary>
    readonly record struct Step(long LastOrderId, bool OrdersDone, long LastPartyId, int Parties, int Orders, int Alerts);

    /// <summary>Moves the cursor within the batch's transaction, only if it is still where this process left it.</summary>
    async Task<bool> AdvanceAsync(ScreeningPass pass, Step step, string owner, CancellationToken ct)
    {
        var moved = await MoveCursorAsync(pass.Id, pass.LastPartyId, pass.LastOrderId, step, owner, ct);
        if (moved == 0)
        {
            PassTaken(logger, pass.Id);
        }

        return moved == 1;
    }

    /// <summary>Moves the cursor of pass <paramref name="id"/> by <paramref name="step"/> if it stands at
    /// <paramref name="lastPartyId"/> and <paramref name="lastOrderId"/>; returns the rows moved (0 or 1).</summary>
    async Task<int> MoveCursorAsync(long id, long lastPartyId, long lastOrderId, Step step, string owner, CancellationToken ct)
    {
        var now = Now();
        return await db.ScreeningPasses
            .Where(p => p.Id == id && p.Owner == owner && p.FinishedAt == null && p.LastPartyId == lastPartyId && p.LastOrderId == lastOrderId)
            .ExecuteUpdateAsync(s => s
                .SetProperty(p => p.LastOrderId, step.LastOrderId)
                .SetProperty(p => p.OrdersDone, step.OrdersDone)
                .SetProperty(p => p.LastPartyId, step.LastPartyId)
                .SetProperty(p => p.PartiesScreened, p => p.PartiesScreened + step.Parties)
                .SetProperty(p => p.OrdersScreened, p => p.OrdersScreened + step.Orders)
                .SetProperty(p => p.AlertsRaised, p => p.AlertsRaised + step.Alerts)
                .SetProperty(p => p.HeartbeatAt, now), ct);
    }

    static void Apply(ScreeningPass pass, Step step)
    {
        pass.LastOrderId = step.LastOrderId;
        pass.OrdersDone = step.OrdersDone;
        pass.LastPartyId = step.LastPartyId;
        pass.PartiesScreened += step.Parties;
        pass.OrdersScreened += step.Orders;
        pass.AlertsRaised += step.Alerts;
    }

    /// <summary>Saves the batch's alerts and, when there are any, an audit event naming them.</summary>
    async Task RecordAsync(ScreeningPass pass, List<Alert> raised, ListSnapshot snapshot, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        if (raised.Count == 0)
        {
            return;
        }

        await audit.AppendAsync(
            new AuditEntry(AuditLog.SystemActor, AlertsRaisedEvent, "screening-pass", pass.Id.ToString(CultureInfo.InvariantCulture),
                AlertsRaised(pass, raised))
            {
                ListVersionHash = snapshot.Hash,
            },
            ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The audit payload of a batch's alerts.</summary>
    static object AlertsRaised(ScreeningPass pass, IEnumerable<Alert> raised) =>
        new { Pass = pass.Id, pass.Kind, pass.ListVersionId, Raised = raised.Select(RaisedAlert.Of).ToList() };

    /// <summary>
    /// Before the first batch of parties: the work a batch that raises alerts does for the first time in a process
    /// (compiling its queries and its cursor update, building what tracking its rows and serializing its audit payload
    /// need), done outside the chain's lock, so that orders committing meanwhile do not wait for it (bench/README.md,
    /// "Orders behind an import: a pass's first batch prepared, and fewer new objects per index"). Reads <paramref name="sample"/>'s row and forgets it; moves no cursor and writes
    /// nothing.
    /// </summary>
    async Task PrepareWritesAsync(ScreeningPass pass, PartyRow sample, ListSnapshot snapshot, string owner, CancellationToken ct)
    {
        var party = (await TrackedPartiesAsync([sample.Id], ct)).SingleOrDefault();
        if (party is null)
        {
            return;
        }

        var alert = await alerts.PreparePartyAlertAsync(party, snapshot.Hash, ct);
        db.Entry(party).State = EntityState.Detached;
        // A cursor standing nowhere: the update is compiled and run, and matches no row.
        _ = await MoveCursorAsync(pass.Id, -1, -1, new Step(pass.LastOrderId, true, -1, 0, 0, 0), owner, ct);
        db.PrepareTracking(new ScreeningStamp { PassId = pass.Id, AfterPartyId = 0, LastPartyId = 0, ScreenedAt = Now(), ListVersionHash = snapshot.Hash });
        await audit.PrepareAsync([AlertsRaised(pass, [alert])], ct);
    }

    async Task<bool> FinishAsync(ScreeningPass pass, ListSnapshot snapshot, string owner, CancellationToken ct)
    {
        await using var transaction = await audit.BeginAsync(ct);
        var now = Now();
        var finished = await db.ScreeningPasses.Where(p => p.Id == pass.Id && p.Owner == owner && p.FinishedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.FinishedAt, now).SetProperty(p => p.HeartbeatAt, now), ct);
        if (finished == 0)
        {
            return false;
        }

        pass.FinishedAt = now;

        // The batches of passes that had finished when this one started are covered by this one's at every party: the
        // later batch is the party's last screening, so the earlier ones are dropped.
        var started = pass.StartedAt;
        await db.ScreeningStamps
            .Where(s => s.PassId != pass.Id && db.ScreeningPasses.Any(p => p.Id == s.PassId && p.FinishedAt != null && p.FinishedAt <= started))
            .ExecuteDeleteAsync(ct);
        if (pass.ListVersionId is { } version)
        {
            await db.ListVersions.Where(v => v.Id == version).ExecuteUpdateAsync(s => s
                .SetProperty(v => v.PartiesRescreened, pass.PartiesScreened)
                .SetProperty(v => v.OrdersRescreened, pass.OrdersScreened)
                .SetProperty(v => v.AlertsRaised, pass.AlertsRaised), ct);
        }

        await audit.AppendAsync(
            new AuditEntry(AuditLog.SystemActor, pass.Kind == ScreeningPass.Delta ? DeltaFinished : FullFinished, "screening-pass",
                pass.Id.ToString(CultureInfo.InvariantCulture),
                new
                {
                    pass.Id,
                    pass.Kind,
                    pass.Reason,
                    pass.ListVersionId,
                    pass.Build,
                    pass.EveryEntry,
                    PartiesRescreened = pass.PartiesScreened,
                    OrdersRescreened = pass.OrdersScreened,
                    pass.AlertsRaised,
                    pass.Failures,
                    pass.StartedAt,
                    pass.FinishedAt,
                })
            {
                ListVersionHash = snapshot.Hash,
            },
            ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        PassFinished(logger, pass.Id, pass.PartiesScreened, pass.OrdersScreened, pass.AlertsRaised);
        return true;
    }

    DateTime Now() => AuditChain.Truncate(clock.GetUtcNow());

    [LoggerMessage(30, LogLevel.Information, "Screening pass {Pass} finished: {Parties} parties and {Orders} held orders screened, {Alerts} alerts raised.")]
    static partial void PassFinished(ILogger logger, long pass, int parties, int orders, int alerts);

    [LoggerMessage(31, LogLevel.Error, "Screening pass {Pass} stopped; it resumes from its last committed batch.")]
    static partial void PassFailed(ILogger logger, long pass, Exception exception);

    [LoggerMessage(32, LogLevel.Warning, "Screening pass {Pass} was taken over by another process; this one stops.")]
    static partial void PassTaken(ILogger logger, long pass);

    [LoggerMessage(33, LogLevel.Information, "Screening pass {Pass} resumed without its list version's delta: it screens against every entry.")]
    static partial void ResumedOnEveryEntry(ILogger logger, long pass);

    [LoggerMessage(34, LogLevel.Information, "Screening pass {Pass} resumed against its recorded delta: {Found} of its {Recorded} entries are in the current lists.")]
    static partial void ResumedOnDelta(ILogger logger, long pass, int found, int recorded);
}
