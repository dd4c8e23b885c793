using System.Globalization;
using System.Text;
using Clearance.Alerts;
using Clearance.Audit;
using Clearance.Data;
using Clearance.Lists;
using Clearance.Orders;
using Clearance.Parties;
using Clearance.Tests.Databases;
using Clearance.Tests.Orders;
using Clearance.Tests.Parties;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Clearance.Tests.Lists;

public sealed class SqliteListVersionsTests : ListVersionsTests<SqliteDatabase>;

public sealed class PostgresListVersionsTests : ListVersionsTests<PostgresDatabase>;

public abstract class ListVersionsTests<TDb> : IAsyncLifetime
    where TDb : ITestDatabase, new()
{
    const string Header = "id,name,aliases,country,list\n";
    const string Jiangnan = "C-1,Jiangnan Inference Services,,CN,Company watch list\n";
    const string Acme = "C-2,Acme Trading Nowhere,,VN,Company watch list\n";
    const string Sugon = "C-3,Sugon,,CN,Company watch list\n";

    readonly TDb _database = new();
    readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 5, 4, 12, 0, 0, TimeSpan.Zero));

    // Each test has its own lists, as its own process would: imports replace them.
    readonly ScreeningLists _lists = SampleOrders.NewLists();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    ClearanceDbContext Context() => _database.Settings.CreateContext();

    async Task<ListImportOutcome> ImportAsync(string csv, ScreeningLists? lists = null)
    {
        await using var db = Context();
        var workflows = new Workflows(db, _clock, lists ?? _lists);
        var outcome = await workflows.Lists.ImportAsync("olga", null, "watch.csv", Encoding.UTF8.GetBytes(csv), CancellationToken.None);
        if (outcome.Result != ListImportResult.Refused)
        {
            return outcome;
        }

        // A version removing more than 10% of a list needs force, a reason and a second person's approval.
        var pending = await workflows.Lists.ImportAsync("olga", null, "watch.csv", Encoding.UTF8.GetBytes(csv),
            "the test removes entries on purpose", CancellationToken.None);
        var approved = await workflows.Lists.ApproveAsync("pavel", pending.Version!.Id, CancellationToken.None);
        return new ListImportOutcome(ListImportResult.Imported, approved.Version, null);
    }

    async Task CreatePartyAsync(string name)
    {
        await using var db = Context();
        Assert.Equal(PartyResult.Saved, (await new Workflows(db, _clock, _lists).Parties.CreateAsync("sam", new PartyFields(name, [], "CN", null, null, null), CancellationToken.None)).Result);
    }

    async Task<List<Alert>> AlertsOnWatchListAsync()
    {
        await using var db = Context();
        return await db.Alerts.AsNoTracking().Where(a => a.List == "Company watch list").OrderBy(a => a.Id).ToListAsync();
    }

    [Fact]
    public async Task A_row_prepared_for_tracking_before_a_lock_is_left_untracked_with_its_key_and_nothing_is_written()
    {
        await using var db = Context();
        var version = new ListVersion
        {
            Source = "custom",
            FileName = "watch.csv",
            Format = ListFormat.Custom,
            Sha256 = new string('a', 64),
            Label = "watch.csv",
            Content = Encoding.UTF8.GetBytes(Header + Acme),
            EntryCount = 1,
            ProblemCount = 0,
            ImportedBy = "olga",
            ImportedAt = _clock.GetUtcNow().UtcDateTime,
            EntriesAdded = 1,
            EntriesChanged = 0,
            EntriesRemoved = 0,
        };

        db.PrepareTracking(version);

        Assert.Equal(EntityState.Detached, db.Entry(version).State);
        Assert.Equal(0, version.Id);
        Assert.Empty(db.ChangeTracker.Entries());
        Assert.Equal(0, await db.SaveChangesAsync());
        Assert.Equal(0, await db.ListVersions.CountAsync());
        // The prepared row is the one stored afterwards, under a key of the database's.
        db.ListVersions.Add(version);
        await db.SaveChangesAsync();
        Assert.True(version.Id > 0);
        Assert.Throws<InvalidOperationException>(() => db.PrepareTracking(version));
    }

    [Fact]
    public async Task An_import_stores_the_file_and_re_screens_parties_and_held_orders_against_its_new_entries()
    {
        await CreatePartyAsync("Jiangnan Inference Services Co., Ltd.");
        await CreatePartyAsync("Sugon");
        await using (var db = Context())
        {
            await new Workflows(db, _clock, _lists).Orders.SubmitAsync("erp", "k-1", SampleOrders.Held, CancellationToken.None);
        }

        var outcome = await ImportAsync(Header + Jiangnan + Acme);

        Assert.Equal(ListImportResult.Imported, outcome.Result);
        var version = outcome.Version!;
        Assert.Equal(("custom", ListFormat.Custom, 2, 2, 0, 0), (version.Source, version.Format, version.EntryCount, version.EntriesAdded, version.EntriesChanged, version.EntriesRemoved));
        Assert.Equal((2, 1, 1), (version.PartiesRescreened, version.OrdersRescreened, version.AlertsRaised));
        var alert = Assert.Single(await AlertsOnWatchListAsync());
        Assert.Equal(("C-1", Alert.PartySource), (alert.EntryId, alert.Source));
        Assert.Equal(version.Id, _lists.Current.Generation);
        Assert.Contains("db-custom/watch.csv sha256:", _lists.Current.Lists, StringComparison.Ordinal);
        Assert.Equal(_lists.Current.Hash, alert.ListVersionHash);
        await using var check = Context();
        var stored = await check.ListVersions.SingleAsync();
        Assert.Equal(Header + Jiangnan + Acme, Encoding.UTF8.GetString(stored.Content));
        // The version is recorded first (list.imported), the re-screening after it in its own batches (list.rescreened).
        var audited = await check.AuditEvents.OrderByDescending(e => e.Id).Take(3).ToListAsync();
        Assert.Equal(["list.rescreened", ScreeningPasses.AlertsRaisedEvent, "list.imported"], audited.Select(e => e.Action));
        Assert.All(audited, e => Assert.Equal(_lists.Current.Hash, e.ListVersionHash));
        Assert.Contains("\"entriesAdded\":2", audited[2].Payload, StringComparison.Ordinal);
        Assert.Contains("\"alertsRaised\":1", audited[0].Payload, StringComparison.Ordinal);
        Assert.Contains("\"partiesRescreened\":2", audited[0].Payload, StringComparison.Ordinal);
        var pass = await check.ScreeningPasses.SingleAsync();
        Assert.Equal((ScreeningPass.Delta, version.Id, 2, 2, 1, 1, false), (pass.Kind, pass.ListVersionId, pass.PartiesTotal, pass.PartiesScreened, pass.OrdersScreened, pass.AlertsRaised, pass.EveryEntry));
        Assert.NotNull(pass.FinishedAt);
        Assert.Equal((2, 1, 1), (stored.PartiesRescreened, stored.OrdersRescreened, stored.AlertsRaised));
    }

    [Fact]
    public async Task A_later_version_reports_added_changed_and_removed_entries_and_raises_only_for_what_changed()
    {
        await CreatePartyAsync("Jiangnan Inference Services Co., Ltd.");
        await using (var db = Context())
        {
            await new Workflows(db, _clock, _lists).Orders.SubmitAsync("erp", "k-1", SampleOrders.Held, CancellationToken.None);
        }

        await ImportAsync(Header + Jiangnan + Acme);
        var first = Assert.Single(await AlertsOnWatchListAsync());
        await using (var db = Context())
        {
            await new Workflows(db, _clock, _lists).Alerts.DispositionAsync("olga", first.Id, AlertStatus.FalsePositive, "a different company", CancellationToken.None);
        }

        // C-1 unchanged, C-2 removed, C-3 added: the held order's end user Sugon is now on the watch list.
        var second = (await ImportAsync(Header + Jiangnan + Sugon)).Version!;
        // C-1 changed: the false positive was recorded for the old version of the entry.
        var third = (await ImportAsync(Header + "C-1,Jiangnan Inference Services,JIS,CN,Company watch list\n" + Sugon)).Version!;

        Assert.Equal((1, 0, 1, 1), (second.EntriesAdded, second.EntriesChanged, second.EntriesRemoved, second.AlertsRaised));
        Assert.Equal((0, 1, 0, 1), (third.EntriesAdded, third.EntriesChanged, third.EntriesRemoved, third.AlertsRaised));
        var alerts = await AlertsOnWatchListAsync();
        Assert.Equal([("C-1", Alert.PartySource), ("C-3", Alert.OrderSource), ("C-1", Alert.PartySource)], alerts.Select(a => (a.EntryId, a.Source)));
        Assert.NotEqual(alerts[0].EntryHash, alerts[2].EntryHash);
        await using var check = Context();
        Assert.True((await new AuditVerifier(check).VerifyAsync(CancellationToken.None)).Ok);
    }

    [Fact]
    public async Task Open_alerts_on_entries_a_later_version_removes_or_changes_are_superseded_and_dispositioned_ones_stay()
    {
        await CreatePartyAsync("Jiangnan Inference Services Co., Ltd.");
        await CreatePartyAsync("Acme Trading Nowhere");
        await CreatePartyAsync("Sugon");
        await ImportAsync(Header + Jiangnan + Acme + Sugon);
        var sugon = (await AlertsOnWatchListAsync()).Single(a => a.EntryId == "C-3");
        await using (var db = Context())
        {
            await new Workflows(db, _clock, _lists).Alerts.DispositionAsync("olga", sugon.Id, AlertStatus.TrueMatch, "the listed company", CancellationToken.None);
        }

        // C-1 changed, C-2 and C-3 removed.
        var next = (await ImportAsync(Header + "C-1,Jiangnan Inference Services,JIS,CN,Company watch list\n")).Version!;

        Assert.Equal((0, 1, 2, 1, 2), (next.EntriesAdded, next.EntriesChanged, next.EntriesRemoved, next.AlertsRaised, next.AlertsSuperseded));
        var alerts = await AlertsOnWatchListAsync();
        Assert.Equal(
            [("C-1", AlertStatus.Superseded), ("C-2", AlertStatus.Superseded), ("C-3", AlertStatus.TrueMatch), ("C-1", AlertStatus.Open)],
            alerts.Select(a => (a.EntryId, a.Status)));
        Assert.EndsWith("changed the entry", alerts[0].DispositionReason, StringComparison.Ordinal);
        Assert.EndsWith("no longer lists the entry", alerts[1].DispositionReason, StringComparison.Ordinal);
        // The version removing 2 of 3 entries is forced by olga and takes effect when pavel approves it: the approval closes the alerts.
        Assert.Equal("pavel", alerts[1].DispositionedBy);
        Assert.Equal("the listed company", alerts[2].DispositionReason);
        await using var check = Context();
        var counts = await new Workflows(check, _clock, _lists).Parties.AlertCountsAsync([sugon.PartyId!.Value], CancellationToken.None);
        Assert.Equal(0, counts[sugon.PartyId.Value].TrueMatches);
        Assert.Equal(2, await check.AuditEvents.CountAsync(e => e.Action == "alert.superseded"));
        Assert.True((await new AuditVerifier(check).VerifyAsync(CancellationToken.None)).Ok);
    }

    [Fact]
    public async Task A_true_match_on_an_entry_a_later_version_removes_no_longer_holds_orders_or_refuses_their_release()
    {
        const string acmeOrder = """
            {"id": "EX-40", "date": "2024-09-15", "destination": "VN", "endUse": "datacenter",
             "parties": [{"role": "buyer", "name": "Acme Trading Nowhere", "country": "VN", "headquarters": "VN"}],
             "lines": [{"item": "NVIDIA H20 (HGX H20)", "quantity": 8, "unitPrice": 12000}]}
            """;
        await ImportAsync(Header + Jiangnan + Acme);
        Order held;
        await using (var db = Context())
        {
            held = (await new Workflows(db, _clock, _lists).Orders.SubmitAsync("sam", "k-1", acmeOrder, CancellationToken.None)).Order!;
        }

        Assert.Equal(OrderStatus.Held, held.Status);
        var alert = (await AlertsOnWatchListAsync()).Single(a => a.EntryId == "C-2");
        await using (var db = Context())
        {
            var workflows = new Workflows(db, _clock, _lists);
            await workflows.Alerts.DispositionAsync("olga", alert.Id, AlertStatus.TrueMatch, "the listed company", CancellationToken.None);
            var refused = await workflows.Orders.ReleaseAsync("olga", held.Id, "checked", CancellationToken.None);
            Assert.Equal(ReleaseResult.NoLongerReleasable, refused.Result);
            Assert.Contains("true match", refused.Detail, StringComparison.Ordinal);
        }

        // C-2 removed: the company is delisted.
        await ImportAsync(Header + Jiangnan);

        await using (var db = Context())
        {
            var workflows = new Workflows(db, _clock, _lists);
            Assert.Equal(ReleaseResult.Released, (await workflows.Orders.ReleaseAsync("olga", held.Id, "delisted", CancellationToken.None)).Result);
            var later = (await workflows.Orders.SubmitAsync("sam", "k-2", acmeOrder, CancellationToken.None)).Order!;
            Assert.Equal(OrderStatus.Cleared, later.Status);
        }

        Assert.Equal(AlertStatus.TrueMatch, (await AlertsOnWatchListAsync()).Single(a => a.Id == alert.Id).Status);
    }

    [Fact]
    public async Task The_same_file_again_is_unchanged_and_a_bad_file_is_refused_naming_its_line()
    {
        await ImportAsync(Header + Jiangnan);

        var again = await ImportAsync(Header + Jiangnan);
        var bad = await ImportAsync("no,list,here\n1,2,3\n");

        Assert.Equal(ListImportResult.Unchanged, again.Result);
        Assert.Equal(ListImportResult.Invalid, bad.Result);
        Assert.Contains("watch.csv:1: unknown list format", bad.Error, StringComparison.Ordinal);
        await using var check = Context();
        Assert.Equal(1, await check.ListVersions.CountAsync());
    }

    [Fact]
    public async Task Another_instance_rebuilds_the_same_lists_from_the_database_alone()
    {
        var other = SampleOrders.NewLists();
        await ImportAsync(Header + Jiangnan + Acme);
        await using var db = Context();
        var versions = new Workflows(db, _clock, other).Lists;

        Assert.Equal(0, other.Generation);
        Assert.True(await versions.RefreshAsync(CancellationToken.None));
        Assert.False(await versions.RefreshAsync(CancellationToken.None));
        Assert.Equal((_lists.Current.Generation, _lists.Current.Lists, _lists.Current.Hash), (other.Current.Generation, other.Current.Lists, other.Current.Hash));
        Assert.Equal("C-1", Assert.Single(other.Current.Index.Screen(new Clearance.Screening.ScreeningQuery("Jiangnan Inference Services", "CN"))).Entry.Id);
    }

    [Fact]
    public async Task A_version_is_stored_and_audited_under_its_format_wire_name_and_rows_stored_under_the_member_name_still_read()
    {
        await using (var db = Context())
        {
            // An import audited before the format had a wire name, as it was written then: audit payloads are never rewritten.
            var audit = new AuditLog(db, _clock);
            await using var transaction = await audit.BeginAsync(CancellationToken.None);
            await audit.AppendAsync(new AuditEntry("olga", "list.imported", "list-version", "0", new { Source = "custom", FileName = "old.csv", Format = "Custom" }), CancellationToken.None);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        var first = (await ImportAsync(Header + Jiangnan)).Version!;
        await using (var check = Context())
        {
            Assert.Equal(["custom"], await check.Database.SqlQueryRaw<string>("""SELECT "Format" AS "Value" FROM list_versions""").ToListAsync());
            var payload = (await check.AuditEvents.SingleAsync(e => e.Action == "list.imported" && e.EntityId == first.Id.ToString(CultureInfo.InvariantCulture))).Payload;
            Assert.Contains("\"format\":\"custom\"", payload, StringComparison.Ordinal);
            // A row written before the wire names, as the import above stored it then.
            await check.Database.ExecuteSqlRawAsync("""UPDATE list_versions SET "Format" = 'Custom'""");
        }

        await using var db2 = Context();
        var other = SampleOrders.NewLists();
        var versions = new Workflows(db2, _clock, other).Lists;
        Assert.Equal(ListFormat.Custom, Assert.Single(await versions.ListAsync(CancellationToken.None)).Format);
        Assert.Equal(ListFormat.Custom, (await db2.ListVersions.AsNoTracking().SingleAsync()).Format);
        Assert.True(await versions.RefreshAsync(CancellationToken.None));
        Assert.Equal(_lists.Current.Hash, other.Current.Hash);
        // Old and new rows side by side: the next version is stored under the wire name, the old row left as it was.
        var second = await new Workflows(db2, _clock, other).Lists.ImportAsync("olga", null, "watch.csv", Encoding.UTF8.GetBytes(Header + Jiangnan + Acme), CancellationToken.None);
        Assert.Equal(ListImportResult.Imported, second.Result);
        Assert.Equal(["Custom", "custom"], await db2.Database.SqlQueryRaw<string>("""SELECT "Format" AS "Value" FROM list_versions ORDER BY "Id" """).ToListAsync());
        Assert.Contains("\"format\":\"Custom\"", (await db2.AuditEvents.OrderBy(e => e.Id).FirstAsync()).Payload, StringComparison.Ordinal);
        Assert.True((await new AuditVerifier(db2).VerifyAsync(CancellationToken.None)).Ok);
    }

    [Fact]
    public async Task An_approved_version_is_the_pending_upload_imported_by_its_uploader_and_approved_by_the_second_person()
    {
        await ImportAsync(Header + Jiangnan + Acme + Sugon);
        _clock.Advance(TimeSpan.FromMinutes(5));

        var approved = (await ImportAsync(Header + Jiangnan)).Version!;

        await using var db = Context();
        var pending = await db.ListVersions.AsNoTracking().SingleAsync(v => v.Id == approved.ApprovedVersionId);
        Assert.Equal((ListVersionStatus.Approved, "pavel"), (pending.Status, pending.ApprovedBy));
        Assert.Equal((pending.Source, pending.FileName, pending.Format, pending.Sha256, pending.Label, pending.ImportedBy, pending.ForceReason),
            (approved.Source, approved.FileName, approved.Format, approved.Sha256, approved.Label, approved.ImportedBy, approved.ForceReason));
        Assert.Equal(("olga", "the test removes entries on purpose", ListVersionStatus.Effective, "pavel"),
            (approved.ImportedBy, approved.ForceReason, approved.Status, approved.ApprovedBy));
        Assert.Equal((_clock.GetUtcNow().UtcDateTime, _clock.GetUtcNow().UtcDateTime), (approved.ImportedAt, approved.ApprovedAt!.Value));
        Assert.Equal((1, 0, 0, 2), (approved.EntryCount, approved.EntriesAdded, approved.EntriesChanged, approved.EntriesRemoved));
        Assert.Equal(pending.Content, approved.Content);
        Assert.Equal(1, pending.EntryCount);
        Assert.Null(pending.ApprovedVersionId);
    }

    [Fact]
    public async Task A_stored_format_that_names_no_format_is_reported_as_damaged_data()
    {
        await ImportAsync(Header + Jiangnan);
        await using var db = Context();
        await db.Database.ExecuteSqlRawAsync("""UPDATE list_versions SET "Format" = 'csv'""");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => db.ListVersions.AsNoTracking().SingleAsync());
        Assert.Contains("ListFormat 'csv'", error.Message, StringComparison.Ordinal);
    }
}
