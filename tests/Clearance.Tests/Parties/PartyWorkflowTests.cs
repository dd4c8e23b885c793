using Clearance.Alerts;
using Clearance.Audit;
using Clearance.Data;
using Clearance.Orders;
using Clearance.Parties;
using Clearance.Tests.Databases;
using Clearance.Tests.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Clearance.Tests.Parties;

public sealed class SqlitePartyWorkflowTests : PartyWorkflowTests<SqliteDatabase>;

public sealed class PostgresPartyWorkflowTests : PartyWorkflowTests<PostgresDatabase>;

public abstract class PartyWorkflowTests<TDb> : IAsyncLifetime
    where TDb : ITestDatabase, new()
{
    static readonly PartyFields Sugon = new("Sugon", [], "CN", "Haidian District, Beijing", "CN", "ERP-1");

    static readonly PartyFields Jiangnan = new("Jiangnan Inference Services Co., Ltd.", [], "CN", null, "CN", "ERP-2");

    readonly TDb _database = new();
    readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 5, 4, 12, 0, 0, TimeSpan.Zero));

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    ClearanceDbContext Context() => _database.Settings.CreateContext();

    async Task<PartyOutcome> CreateAsync(PartyFields fields)
    {
        await using var db = Context();
        return await new Workflows(db, _clock).Parties.CreateAsync("sam", fields, CancellationToken.None);
    }

    async Task<PartyOutcome> UpdateAsync(long id, PartyFields fields)
    {
        await using var db = Context();
        return await new Workflows(db, _clock).Parties.UpdateAsync("sam", id, fields, CancellationToken.None);
    }

    async Task<DispositionOutcome> DispositionAsync(long alertId, AlertStatus finding)
    {
        await using var db = Context();
        return await new Workflows(db, _clock).Alerts.DispositionAsync("olga", alertId, finding, "checked the registry", CancellationToken.None);
    }

    async Task<List<Alert>> AlertsAsync()
    {
        await using var db = Context();
        return await db.Alerts.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
    }

    [Fact]
    public async Task Creating_a_listed_party_raises_an_explained_alert_in_the_same_audited_transaction()
    {
        var outcome = await CreateAsync(Sugon);

        Assert.Equal(PartyResult.Saved, outcome.Result);
        var alerts = await AlertsAsync();
        Assert.Equal(outcome.Raised.Select(a => a.Id), alerts.Select(a => a.Id));
        var alert = Assert.Single(alerts, a => a.List.StartsWith("Entity List", StringComparison.Ordinal));
        Assert.Equal((Alert.PartySource, outcome.Party!.Id, AlertStatus.Open), (alert.Source, alert.PartyId, alert.Status));
        Assert.Contains("Sugon", alert.EntryName, StringComparison.OrdinalIgnoreCase);
        Assert.True(alert.Score >= Clearance.Screening.ScreeningDefaults.Threshold);
        Assert.StartsWith("screened name 'Sugon' matched", alert.Explanation, StringComparison.Ordinal);
        Assert.Equal(64, alert.EntryHash.Length);
        Assert.Equal(SampleOrders.Lists.Current.Hash, alert.ListVersionHash);
        await using var db = Context();
        var audited = await db.AuditEvents.SingleAsync();
        Assert.Equal(("party.created", "party"), (audited.Action, audited.EntityType));
        Assert.Contains(alert.EntryHash, audited.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Creating_a_clean_party_raises_nothing()
    {
        var outcome = await CreateAsync(Jiangnan);

        Assert.Empty(outcome.Raised);
        Assert.Empty(await AlertsAsync());
    }

    [Fact]
    public async Task A_false_positive_stays_dispositioned_until_the_party_changes_materially()
    {
        var party = (await CreateAsync(Sugon)).Party!;
        var first = await AlertsAsync();
        foreach (var alert in first)
        {
            Assert.Equal(DispositionResult.Recorded, (await DispositionAsync(alert.Id, AlertStatus.FalsePositive)).Result);
        }

        var moved = await UpdateAsync(party.Id, Sugon with { Address = "Zhongguancun, Beijing", Headquarters = "HK", Name = " SUGON " });
        var renamed = await UpdateAsync(party.Id, Sugon with { Aliases = ["Sugon Information Industry"] });

        Assert.Empty(moved.Raised);
        Assert.NotEmpty(renamed.Raised);
        Assert.Contains(renamed.Raised, a => a.EntryHash == first[0].EntryHash);
        await using var db = Context();
        Assert.Equal(["party.created", .. first.Select(_ => "alert.dispositioned"), "party.updated", "party.updated"], await db.AuditEvents.OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        Assert.True((await new AuditVerifier(db).VerifyAsync(CancellationToken.None)).Ok);
    }

    [Fact]
    public async Task An_open_alert_is_not_raised_twice_for_an_unchanged_party()
    {
        var party = (await CreateAsync(Sugon)).Party!;
        var before = (await AlertsAsync()).Count;

        var again = await UpdateAsync(party.Id, Sugon);

        Assert.Empty(again.Raised);
        Assert.Equal(before, (await AlertsAsync()).Count);
    }

    [Fact]
    public async Task A_disposition_is_recorded_once()
    {
        await CreateAsync(Sugon);
        var alert = (await AlertsAsync())[0];

        Assert.Equal(DispositionResult.Recorded, (await DispositionAsync(alert.Id, AlertStatus.TrueMatch)).Result);
        Assert.Equal(DispositionResult.AlreadyDispositioned, (await DispositionAsync(alert.Id, AlertStatus.FalsePositive)).Result);
        Assert.Equal(DispositionResult.NotFound, (await DispositionAsync(alert.Id + 100, AlertStatus.FalsePositive)).Result);

        var stored = (await AlertsAsync())[0];
        Assert.Equal((AlertStatus.TrueMatch, "olga", "checked the registry"), (stored.Status, stored.DispositionedBy, stored.DispositionReason));
    }

    [Fact]
    public async Task Bad_fields_are_refused_by_name_and_an_external_reference_is_unique()
    {
        var bad = await CreateAsync(new PartyFields(" ", ["ok", ""], "XX", null, "cn", ""));
        await CreateAsync(Jiangnan);
        var duplicate = await CreateAsync(Sugon with { ExternalReference = "ERP-2" });

        Assert.Equal(PartyResult.Invalid, bad.Result);
        Assert.Equal(["aliases[1]", "country", "externalReference", "headquarters", "name"], bad.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(PartyResult.DuplicateReference, duplicate.Result);
        await using var db = Context();
        Assert.Equal(1, await db.Parties.CountAsync());
    }

    [Fact]
    public async Task Parties_are_listed_by_name_country_reference_and_open_alerts()
    {
        await CreateAsync(Sugon);
        await CreateAsync(Jiangnan);
        await using var db = Context();
        var parties = new Workflows(db, _clock).Parties;

        async Task<IEnumerable<string>> Names(PartyFilter filter) => (await parties.ListAsync(filter, CancellationToken.None)).Select(p => p.Name);

        Assert.Equal(["Jiangnan Inference Services Co., Ltd.", "Sugon"], await Names(new PartyFilter(null, "CN", null, null)));
        Assert.Equal(["Sugon"], await Names(new PartyFilter(null, null, null, true)));
        Assert.Equal(["Jiangnan Inference Services Co., Ltd."], await Names(new PartyFilter("Inference", null, "ERP-2", false)));
        Assert.Empty(await Names(new PartyFilter(null, "VN", null, null)));
    }

    [Fact]
    public async Task An_order_hit_raises_an_alert_and_a_false_positive_is_not_raised_on_the_next_order_for_that_party()
    {
        Order first;
        await using (var db = Context())
        {
            first = (await new Workflows(db, _clock).Orders.SubmitAsync("erp", "k-1", SampleOrders.Held, CancellationToken.None)).Order!;
        }

        var raised = await AlertsAsync();
        Assert.Contains(raised, a => a.List.StartsWith("Entity List", StringComparison.Ordinal));
        Assert.All(raised, a => Assert.Equal((Alert.OrderSource, first.Id, "end-user", "Sugon"), (a.Source, a.OrderId, a.Role, a.PartyName)));
        foreach (var alert in raised)
        {
            await DispositionAsync(alert.Id, AlertStatus.FalsePositive);
        }

        await using (var db = Context())
        {
            await new Workflows(db, _clock).Orders.SubmitAsync("erp", "k-2", SampleOrders.Held, CancellationToken.None);
        }

        Assert.Equal(raised.Count, (await AlertsAsync()).Count);
    }

    [Fact]
    public async Task A_listed_owner_raises_an_alert_and_its_true_match_holds_the_next_order_naming_it()
    {
        const string Owned = """
            {"id": "OWN-1", "date": "2024-09-15", "destination": "CN", "endUse": "datacenter", "exporter": "NVIDIA",
             "parties": [{"role": "buyer", "name": "Jiangnan Inference Services Co., Ltd.", "country": "CN", "headquarters": "CN",
                          "owners": [{"name": "Sugon", "percent": 30, "country": "CN"}]}],
             "lines": [{"item": "NVIDIA H20 (HGX H20)", "quantity": 512, "unitPrice": 12000}]}
            """;
        Order first;
        await using (var db = Context())
        {
            first = (await new Workflows(db, _clock).Orders.SubmitAsync("erp", "k-1", Owned, CancellationToken.None)).Order!;
        }

        var raised = await AlertsAsync();
        Assert.NotEmpty(raised);
        Assert.All(raised, a => Assert.Equal((Alert.OrderSource, first.Id, "owner of buyer", "Sugon"), (a.Source, a.OrderId, a.Role, a.PartyName)));
        await DispositionAsync(raised[0].Id, AlertStatus.TrueMatch);

        Order second;
        await using (var db = Context())
        {
            second = (await new Workflows(db, _clock).Orders.SubmitAsync("erp", "k-2", Owned.Replace("OWN-1", "OWN-2", StringComparison.Ordinal), CancellationToken.None)).Order!;
        }

        Assert.Equal(OrderStatus.Held, second.Status);
        await using var check = Context();
        var held = await check.AuditEvents.OrderByDescending(e => e.Id).FirstAsync();
        Assert.Equal("order.alerts-raised", held.Action);
        Assert.Contains("Sugon", held.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_true_match_holds_later_orders_for_the_party_and_refuses_releasing_them()
    {
        // The officer learns that this customer trades as the listed Sugon: the alias hits, the officer confirms it.
        await CreateAsync(Jiangnan with { Aliases = ["Sugon"] });
        var alert = (await AlertsAsync()).First(a => a.List.StartsWith("Entity List", StringComparison.Ordinal));
        await DispositionAsync(alert.Id, AlertStatus.TrueMatch);

        Order order;
        await using (var db = Context())
        {
            order = (await new Workflows(db, _clock).Orders.SubmitAsync("erp", "k-1", SampleOrders.Cleared, CancellationToken.None)).Order!;
        }

        Assert.Equal(("cleared", OrderStatus.Held), (order.Verdict, order.Status));
        await using (var db = Context())
        {
            var release = await new Workflows(db, _clock).Orders.ReleaseAsync("olga", order.Id, "looks fine", CancellationToken.None);
            Assert.Equal(ReleaseResult.NoLongerReleasable, release.Result);
            Assert.Contains("true match", release.Detail, StringComparison.Ordinal);
        }

        await using var check = Context();
        Assert.Equal("order.alerts-raised", (await check.AuditEvents.OrderByDescending(e => e.Id).FirstAsync()).Action);
    }

    [Fact]
    public async Task Alerts_are_listed_by_status_party_order_list_and_source()
    {
        var party = (await CreateAsync(Sugon)).Party!;
        await using (var db = Context())
        {
            await new Workflows(db, _clock).Orders.SubmitAsync("erp", "k-1", SampleOrders.Held, CancellationToken.None);
        }

        var all = await AlertsAsync();
        await DispositionAsync(all[0].Id, AlertStatus.FalsePositive);
        await using var check = Context();
        var alerts = new Workflows(check, _clock).Alerts;

        async Task<IEnumerable<long>> Ids(AlertFilter filter) => (await alerts.ListAsync(filter, CancellationToken.None)).Select(a => a.Id);

        IEnumerable<long> Expected(Func<Alert, bool> keep) => all.Where(keep).Select(a => a.Id).OrderDescending();

        Assert.Contains(all, a => a.Source == Alert.PartySource);
        Assert.Contains(all, a => a.Source == Alert.OrderSource);
        Assert.Equal(Expected(a => a.Id != all[0].Id), await Ids(new AlertFilter(AlertStatus.Open, null, null, null, null)));
        Assert.Equal(Expected(a => a.PartyId == party.Id), await Ids(new AlertFilter(null, party.Id, null, null, null)));
        Assert.Equal(Expected(a => a.Source == Alert.OrderSource), await Ids(new AlertFilter(null, null, null, null, Alert.OrderSource)));
        Assert.Equal(Expected(a => a.List == all[0].List), await Ids(new AlertFilter(null, null, null, all[0].List, null)));
        Assert.Empty(await Ids(new AlertFilter(null, null, null, "no such list", null)));
    }
}
