using System.Diagnostics;
using System.Text;
using Clearance.Alerts;
using Clearance.Audit;
using Clearance.Data;
using Clearance.Lists;
using Clearance.Parties;
using Clearance.Tests.Databases;
using Clearance.Tests.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Clearance.Tests.Parties;

public sealed class SqliteScreeningPassesTests : ScreeningPassesTests<SqliteDatabase>;

public sealed class PostgresScreeningPassesTests : ScreeningPassesTests<PostgresDatabase>;

public abstract class ScreeningPassesTests<TDb> : IAsyncLifetime
    where TDb : ITestDatabase, new()
{
    // Listed names (hits on the shipped lists), near misses and plain names, so a full pass has hits, clears and batches.
    static readonly string[] Names =
    [
        "Huawei Technologies Co., Ltd.", "Maria Gonzalez Lopez", "Sugon", "Acme Widgets Trading Ltd", "Dawning Information Industry Co., Ltd.",
        "Peter Schmidt", "Beijing Computational Science Research Center", "Jiangnan Inference Services", "Nordic Optics AB",
    ];

    readonly TDb _database = new();
    readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 5, 4, 12, 0, 0, TimeSpan.Zero));

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    ClearanceDbContext Context() => _database.Settings.CreateContext();

    ScreeningPasses Passes(ClearanceDbContext db, ScreeningLists lists) =>
        new(db, new AuditLog(db, _clock), new Workflows(db, _clock, lists).Alerts, lists, _clock, NullLogger<ScreeningPasses>.Instance) { PartyBatchSize = 2 };

    /// <summary>Lists of one entry no test name resembles: parties created against them have no alerts.</summary>
    static ScreeningLists Unrelated()
    {
        using var folder = new TempFolder();
        var loaded = ListLoader.Load(folder.Write("unrelated.csv", "id,name,aliases,country,list\nU-1,Zyxwvut Quorbl Ventures,,ZZ,Company watch list\n"), Shipped.Data.Countries);
        var lists = new ScreeningLists(() => throw new InvalidOperationException("replaced below"));
        lists.Replace(new ListSnapshot(ListSet.From([loaded]), ["custom"], 0));
        return lists;
    }

    async Task<List<long>> CreatePartiesAsync(ScreeningLists lists)
    {
        var ids = new List<long>();
        foreach (var name in Names)
        {
            await using var db = Context();
            var outcome = await new Workflows(db, _clock, lists).Parties.CreateAsync("sam", new PartyFields(name, [], "CN", null, null, null), CancellationToken.None);
            Assert.Equal(PartyResult.Saved, outcome.Result);
            ids.Add(outcome.Party!.Id);
        }

        return ids;
    }

    [Fact]
    public async Task A_new_build_re_screens_everyone_in_the_background_resumes_after_a_restart_lets_orders_commit_and_equals_a_screen_from_scratch()
    {
        var shipped = SampleOrders.NewLists();
        await using (var db = Context())
        {
            // First start on an empty database: the build is recorded, nothing to screen.
            var first = await Passes(db, shipped).EnsureBuildAsync("build-A", CancellationToken.None);
            Assert.Equal((ScreeningPass.Full, 0), (first!.Kind, first.PartiesTotal));
            Assert.NotNull(first.FinishedAt);
        }

        var ids = await CreatePartiesAsync(Unrelated());
        await using (var db = Context())
        {
            Assert.Equal(0, await db.Alerts.CountAsync());
        }

        ScreeningPass started;
        await using (var db = Context())
        {
            started = (await Passes(db, shipped).EnsureBuildAsync("build-B", CancellationToken.None))!;
            Assert.Null(await Passes(db, shipped).EnsureBuildAsync("build-B", CancellationToken.None));
        }

        Assert.Equal((ScreeningPass.Full, Names.Length, true), (started.Kind, started.PartiesTotal, started.EveryEntry));
        Assert.Contains("build-A", started.Reason, StringComparison.Ordinal);
        Assert.Null(started.FinishedAt);

        // Process 1 screens the held orders and two batches of parties; after them an order commits at once while the
        // pass waits; then the process dies (cancelled).
        using var dies = new CancellationTokenSource();
        using var betweenBatches = new SemaphoreSlim(0);
        using var goOn = new SemaphoreSlim(0);
        var running = Task.Run(async () =>
        {
            await using var db = Context();
            await Passes(db, shipped).RunAsync(started.Id, shipped.Current, null, "process-1", pass =>
            {
                if (pass.PartiesScreened == 4)
                {
                    betweenBatches.Release();
                    goOn.Wait();
                    dies.Cancel();
                }
            }, dies.Token);
        });
        await betweenBatches.WaitAsync();
        var wait = Stopwatch.StartNew();
        await using (var db = Context())
        {
            await new Workflows(db, _clock, shipped).Orders.SubmitAsync("erp", "k-1", SampleOrders.Held, CancellationToken.None);
        }

        wait.Stop();
        goOn.Release();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        Assert.True(wait.Elapsed < TimeSpan.FromSeconds(10), $"the order waited {wait.Elapsed}");

        ScreeningPass halfway;
        await using (var db = Context())
        {
            Assert.Equal(1, await db.Orders.CountAsync());
            halfway = Assert.Single(await Passes(db, shipped).OpenAsync(CancellationToken.None));
        }

        // Progress: two batches of two parties committed, the held orders first.
        Assert.Equal((started.Id, 4, ids[3], true, "process-1"), (halfway.Id, halfway.PartiesScreened, halfway.LastPartyId, halfway.OrdersDone, halfway.Owner));

        // After a restart another process takes the pass over once process 1's lease has run out, not before.
        await using (var db = Context())
        {
            Assert.Null(await Passes(db, shipped).RunAsync(started.Id, shipped.Current, null, "process-2", null, CancellationToken.None));
        }

        _clock.Advance(ScreeningPasses.Lease + TimeSpan.FromSeconds(1));
        await using (var db = Context())
        {
            Assert.Equal(1, await Passes(db, shipped).ResumeAsync("process-2", CancellationToken.None));
        }

        await using var check = Context();
        var done = await check.ScreeningPasses.AsNoTracking().SingleAsync(p => p.Id == started.Id);
        Assert.Equal((Names.Length, "process-2"), (done.PartiesScreened, done.Owner));
        Assert.NotNull(done.FinishedAt);
        // Every party reads as screened by the pass against the shipped lists; the pass recorded its batches, one row
        // each, and rewrote no party row (they keep their own screening, against the unrelated lists).
        var read = await new Workflows(check, _clock, shipped).Parties.WithLastScreeningAsync(await check.Parties.AsNoTracking().ToListAsync(), CancellationToken.None);
        Assert.All(read, p => Assert.Equal(shipped.Current.Hash, p.ListVersionHash));
        Assert.All(await check.Parties.AsNoTracking().ToListAsync(), p => Assert.NotEqual(shipped.Current.Hash, p.ListVersionHash));
        Assert.Equal((Names.Length + 1) / 2, await check.ScreeningStamps.CountAsync(s => s.PassId == done.Id));

        // The alerts are exactly the hits of a screen of every party from scratch.
        var parties = await check.Parties.AsNoTracking().OrderBy(p => p.Id).ToListAsync();
        var expected = parties
            .SelectMany(p => AlertWorkflow.PartyHits(p.Name, p.Aliases, p.Country, p.Address, p.SubjectKey, p.NameKey, p.Owners, shipped.Current.Index)
                .SelectMany(s => s.Hits).Select(h => (p.Id, h.Match.Entry.List, h.Match.Entry.Id)))
            .Order().ToList();
        var actual = (await check.Alerts.AsNoTracking().Where(a => a.PartyId != null).Select(a => new { PartyId = a.PartyId!.Value, a.List, a.EntryId }).ToListAsync())
            .Select(a => (a.PartyId, a.List, a.EntryId)).Order().ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
        Assert.Equal(done.AlertsRaised, actual.Count);
        var actions = await check.AuditEvents.AsNoTracking().OrderBy(e => e.Id).Select(e => e.Action).ToListAsync();
        Assert.Contains(ScreeningPasses.FullStarted, actions);
        Assert.Equal(ScreeningPasses.FullFinished, actions[^1]);
        Assert.True((await new AuditVerifier(check).VerifyAsync(CancellationToken.None)).Ok);
    }

    [Fact]
    public async Task A_re_screening_that_fails_after_the_version_is_committed_leaves_the_import_standing_and_is_resumed()
    {
        var lists = SampleOrders.NewLists();
        await CreatePartiesAsync(lists);
        await SimulateFailureAsync(true);
        ListImportOutcome outcome;
        await using (var db = Context())
        {
            outcome = await new Workflows(db, _clock, lists).Lists.ImportAsync("olga", null, "watch.csv",
                Encoding.UTF8.GetBytes("id,name,aliases,country,list\nC-1,Jiangnan Inference Services,,CN,Company watch list\n"),
                CancellationToken.None);
        }

        Assert.Equal(ListImportResult.Imported, outcome.Result);
        Assert.Equal(outcome.Version!.Id, lists.Current.Generation);
        ScreeningPass stopped;
        await using (var db = Context())
        {
            stopped = Assert.Single(await Passes(db, lists).OpenAsync(CancellationToken.None));
            Assert.Equal(0, (await db.ListVersions.SingleAsync()).PartiesRescreened);
        }

        Assert.Equal((ScreeningPass.Delta, outcome.Version.Id, 1, 0), (stopped.Kind, stopped.ListVersionId, stopped.Failures, stopped.PartiesScreened));
        Assert.Contains("simulated failure", stopped.LastError, StringComparison.Ordinal);
        // The delta is kept with the pass, so that whichever process resumes it screens against the same entries.
        Assert.Equal(["Company watch list\nC-1"], stopped.DeltaEntries);

        await SimulateFailureAsync(false);
        await using (var db = Context())
        {
            Assert.Equal(1, await Passes(db, lists).ResumeAsync(ScreeningPasses.ThisProcess, CancellationToken.None));
        }

        await using var check = Context();
        var pass = await check.ScreeningPasses.AsNoTracking().SingleAsync();
        // Resumed by a call that holds no delta (as after a restart): still against the version's delta, not every entry.
        Assert.Equal((Names.Length, false, 1, 1), (pass.PartiesScreened, pass.EveryEntry, pass.Failures, pass.AlertsRaised));
        var alert = Assert.Single(await check.Alerts.AsNoTracking().Where(a => a.List == "Company watch list").ToListAsync());
        Assert.Equal("C-1", alert.EntryId);
        var version = await check.ListVersions.AsNoTracking().SingleAsync();
        Assert.Equal((Names.Length, 1), (version.PartiesRescreened, version.AlertsRaised));
        Assert.True((await new AuditVerifier(check).VerifyAsync(CancellationToken.None)).Ok);
    }

    [Fact]
    public async Task A_party_reads_as_screened_by_the_later_of_its_own_screening_and_the_last_pass_and_a_finished_pass_drops_the_batches_it_covers()
    {
        var shipped = SampleOrders.NewLists();
        var unrelated = Unrelated();
        var ids = await CreatePartiesAsync(unrelated);

        async Task<ScreeningPass> PassAsync(string build)
        {
            _clock.Advance(TimeSpan.FromMinutes(1));
            await using var db = Context();
            var pass = (await Passes(db, shipped).EnsureBuildAsync(build, CancellationToken.None))!;
            return (await Passes(db, shipped).RunAsync(pass.Id, shipped.Current, null, ScreeningPasses.ThisProcess, null, CancellationToken.None))!;
        }

        async Task<Dictionary<long, (DateTime At, string Hash)>> ReadAsync()
        {
            await using var db = Context();
            var parties = new Workflows(db, _clock, shipped).Parties;
            var listed = await parties.ListAsync(new PartyFilter(null, null, null, null), CancellationToken.None);
            // One party alone reads the same as in a list.
            var one = (await parties.FindAsync(ids[4], CancellationToken.None))!;
            var inList = listed.Single(p => p.Id == ids[4]);
            Assert.Equal((inList.ScreenedAt, inList.ListVersionHash), (one.ScreenedAt, one.ListVersionHash));
            return listed.ToDictionary(p => p.Id, p => (p.ScreenedAt, p.ListVersionHash));
        }

        var first = await PassAsync("build-A");
        var afterFirst = await ReadAsync();
        Assert.All(ids, id => Assert.Equal((first.FinishedAt!.Value, shipped.Current.Hash), (afterFirst[id].At, afterFirst[id].Hash)));

        // A party changed after the pass was last screened by its change (here against the unrelated lists).
        _clock.Advance(TimeSpan.FromMinutes(1));
        var changedAt = _clock.GetUtcNow().UtcDateTime;
        await using (var db = Context())
        {
            var outcome = await new Workflows(db, _clock, unrelated).Parties.UpdateAsync("sam", ids[2], new PartyFields("Acme Widgets Trading Limited", [], "CN", null, null, null), CancellationToken.None);
            Assert.Equal(PartyResult.Saved, outcome.Result);
        }

        var afterChange = await ReadAsync();
        Assert.Equal((changedAt, unrelated.Current.Hash), afterChange[ids[2]]);
        Assert.Equal((first.FinishedAt!.Value, shipped.Current.Hash), afterChange[ids[3]]);

        // A second pass finishing drops the first one's batches: its own cover every party, later.
        var second = await PassAsync("build-B");
        await using (var db = Context())
        {
            Assert.Equal(0, await db.ScreeningStamps.CountAsync(s => s.PassId == first.Id));
            Assert.Equal((Names.Length + 1) / 2, await db.ScreeningStamps.CountAsync(s => s.PassId == second.Id));
        }

        var afterSecond = await ReadAsync();
        Assert.All(ids, id => Assert.Equal((second.FinishedAt!.Value, shipped.Current.Hash), (afterSecond[id].At, afterSecond[id].Hash)));
    }

    [Fact]
    public async Task A_second_run_of_a_pass_this_process_is_running_waits_for_that_run_and_returns_its_finished_pass()
    {
        // As when the background resumer takes an import's pass between the import's commit and the import's own run:
        // the import must still answer once its pass has finished, not at once.
        var shipped = SampleOrders.NewLists();
        await CreatePartiesAsync(Unrelated());
        ScreeningPass started;
        await using (var db = Context())
        {
            started = (await Passes(db, shipped).EnsureBuildAsync("build-A", CancellationToken.None))!;
        }

        using var firstBatch = new SemaphoreSlim(0);
        using var goOn = new SemaphoreSlim(0);
        var resumer = Task.Run(async () =>
        {
            await using var db = Context();
            return await Passes(db, shipped).RunAsync(started.Id, shipped.Current, null, ScreeningPasses.ThisProcess, pass =>
            {
                if (pass.PartiesScreened == 2)
                {
                    firstBatch.Release();
                    goOn.Wait();
                }
            }, CancellationToken.None);
        });
        await firstBatch.WaitAsync();
        Task<ScreeningPass?> second;
        await using (var db = Context())
        {
            second = Passes(db, shipped).RunAsync(started.Id, shipped.Current, null, ScreeningPasses.ThisProcess, null, CancellationToken.None);
            goOn.Release();
            var answered = await second;
            Assert.NotNull(answered);
            Assert.Equal((started.Id, Names.Length), (answered.Id, answered.PartiesScreened));
            Assert.NotNull(answered.FinishedAt);
        }

        Assert.Equal((await resumer)!.FinishedAt, (await second)!.FinishedAt);
        await using var check = Context();
        Assert.Equal(1, await check.AuditEvents.CountAsync(e => e.Action == ScreeningPasses.FullFinished));
    }

    /// <summary>A trigger that makes recording a batch's screening fail, as a lost connection would.</summary>
    async Task SimulateFailureAsync(bool on)
    {
        await using var db = Context();
        var sqlite = _database.Settings.Provider == DatabaseProvider.Sqlite;
        string[] statements = (on, sqlite) switch
        {
            (true, true) => ["CREATE TRIGGER fail_stamp BEFORE INSERT ON screening_stamps BEGIN SELECT RAISE(ABORT, 'simulated failure'); END;"],
            (false, true) => ["DROP TRIGGER fail_stamp;"],
            (true, false) =>
            [
                "CREATE FUNCTION fail_stamp() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'simulated failure'; END $$;",
                "CREATE TRIGGER fail_stamp BEFORE INSERT ON screening_stamps FOR EACH ROW EXECUTE FUNCTION fail_stamp();",
            ],
            (false, false) => ["DROP TRIGGER fail_stamp ON screening_stamps;", "DROP FUNCTION fail_stamp();"],
        };
        foreach (var statement in statements)
        {
            await db.Database.ExecuteSqlRawAsync(statement);
        }
    }
}
