using Clearance.Licenses;
using Clearance.Alerts;
using Clearance.Audit;
using Clearance.Data;
using Clearance.Orders;
using Clearance.Tests.Databases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Clearance.Tests.Orders;

public sealed class SqliteOrderWorkflowTests : OrderWorkflowTests<SqliteDatabase>;

public sealed class PostgresOrderWorkflowTests : OrderWorkflowTests<PostgresDatabase>;

public abstract class OrderWorkflowTests<TDb> : IAsyncLifetime
    where TDb : ITestDatabase, new()
{
    readonly TDb _database = new();
    readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 5, 4, 12, 0, 0, TimeSpan.Zero));

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    ClearanceDbContext Context() => _database.Settings.CreateContext();

    OrderWorkflow Orders(ClearanceDbContext db, OrderPipeline? pipeline = null) =>
        new(db, new AuditLog(db, _clock), pipeline ?? SampleOrders.Pipeline,
            new AlertWorkflow(db, new AuditLog(db, _clock), SampleOrders.Lists, SampleOrders.Pipeline, _clock),
            new LicenseWorkflow(db, new AuditLog(db, _clock), pipeline ?? SampleOrders.Pipeline, _clock), _clock);

    async Task<Order> SubmitAsync(string submitter, string key, string body)
    {
        await using var db = Context();
        var submission = await Orders(db).SubmitAsync(submitter, key, body, CancellationToken.None);
        Assert.Empty(submission.Errors);
        return submission.Order!;
    }

    [Fact]
    public async Task Submitting_stores_the_order_as_received_with_its_decision_and_an_audit_event()
    {
        var order = await SubmitAsync("sam", "k-1", SampleOrders.Held);

        await using var check = Context();
        var stored = await check.Orders.SingleAsync();
        Assert.Equal(order.Id, stored.Id);
        Assert.Equal(SampleOrders.Held, stored.OrderJson);
        Assert.Equal(("EX-10", "CN", "hold", OrderStatus.Held), (stored.Reference, stored.Destination, stored.Verdict, stored.Status));
        Assert.Contains("\"verdict\": \"hold\"", stored.DecisionJson, StringComparison.Ordinal);
        Assert.Equal(SampleOrders.Pipeline.ListVersionHash, stored.ListVersionHash);
        Assert.Equal(new DateTime(2026, 5, 4, 12, 0, 0, DateTimeKind.Utc), stored.SubmittedAt);
        var audit = await check.AuditEvents.OrderBy(e => e.Id).FirstAsync();
        Assert.Equal(("sam", "order.submitted", "order", order.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), (audit.Actor, audit.Action, audit.EntityType, audit.EntityId));
        Assert.Equal(stored.VintageId, audit.VintageId);
        Assert.Equal(stored.ListVersionHash, audit.ListVersionHash);
    }

    [Fact]
    public async Task The_same_key_from_the_same_submitter_returns_the_first_order_and_stores_nothing_more()
    {
        var first = await SubmitAsync("sam", "k-1", SampleOrders.Cleared);
        await using (var db = Context())
        {
            var again = await Orders(db).SubmitAsync("sam", "k-1", SampleOrders.Cleared, CancellationToken.None);
            Assert.False(again.Created);
            Assert.Equal(first.Id, again.Order!.Id);
        }

        var other = await SubmitAsync("erp", "k-1", SampleOrders.Cleared);
        Assert.NotEqual(first.Id, other.Id);
        await using var check = Context();
        Assert.Equal(2, await check.Orders.CountAsync());
        Assert.Equal(2, await check.AuditEvents.CountAsync());
    }

    [Fact]
    public async Task A_bad_order_is_refused_naming_the_json_path_and_nothing_is_stored()
    {
        await using (var db = Context())
        {
            var submission = await Orders(db).SubmitAsync("sam", "k-1", SampleOrders.Cleared.Replace("\"CN\"", "\"XX\"", StringComparison.Ordinal), CancellationToken.None);
            Assert.Null(submission.Order);
            Assert.Contains(submission.Errors, e => e.Location == "$.destination");
        }

        await using var check = Context();
        Assert.Equal(0, await check.Orders.CountAsync());
        Assert.Equal(0, await check.AuditEvents.CountAsync());
    }

    [Fact]
    public async Task The_submitter_can_never_release_their_own_order()
    {
        var order = await SubmitAsync("sam", "k-1", SampleOrders.Held);
        await using var db = Context();
        var outcome = await Orders(db).ReleaseAsync("sam", order.Id, "checked", CancellationToken.None);
        Assert.Equal(ReleaseResult.OwnSubmission, outcome.Result);
        Assert.Equal(OrderStatus.Held, (await db.Orders.AsNoTracking().SingleAsync()).Status);
    }

    [Fact]
    public async Task Another_officer_releases_a_hold_with_a_reason_and_the_release_is_audited()
    {
        var order = await SubmitAsync("sam", "k-1", SampleOrders.Held);
        await using (var db = Context())
        {
            var alerts = new AlertWorkflow(db, new AuditLog(db, _clock), SampleOrders.Lists, SampleOrders.Pipeline, _clock);
            var open = await alerts.ListAsync(new AlertFilter(AlertStatus.Open, null, order.Id, null, null), CancellationToken.None);
            Assert.Equal(ReleaseResult.OpenAlerts, (await Orders(db).ReleaseAsync("olga", order.Id, "end-use statement on file", CancellationToken.None)).Result);
            foreach (var alert in open)
            {
                await alerts.DispositionAsync("olga", alert.Id, AlertStatus.FalsePositive, "a different company", CancellationToken.None);
            }

            var outcome = await Orders(db).ReleaseAsync("olga", order.Id, "end-use statement on file", CancellationToken.None);
            Assert.Equal(ReleaseResult.Released, outcome.Result);
        }

        await using var check = Context();
        var stored = await check.Orders.SingleAsync();
        Assert.Equal((OrderStatus.Released, "olga", "end-use statement on file"), (stored.Status, stored.ReleasedBy, stored.ReleaseReason));
        var events = await check.AuditEvents.OrderBy(e => e.Id).Select(e => e.Action).ToListAsync();
        Assert.Equal(["order.submitted", "order.alerts-raised", "order.released"], events.Where(e => e.StartsWith("order.", StringComparison.Ordinal)));
        await using var verify = Context();
        Assert.True((await new AuditVerifier(verify).VerifyAsync(CancellationToken.None)).Ok);
    }

    [Fact]
    public async Task An_order_that_is_not_held_cannot_be_released()
    {
        var order = await SubmitAsync("sam", "k-1", SampleOrders.Cleared);
        await using var db = Context();
        Assert.Equal(ReleaseResult.NotHeld, (await Orders(db).ReleaseAsync("olga", order.Id, "why", CancellationToken.None)).Result);
    }

    [Fact]
    public async Task A_release_is_refused_when_re_evaluation_finds_a_reason_the_hold_did_not_show()
    {
        var order = await SubmitAsync("sam", "k-1", SampleOrders.Held);
        await using var db = Context();
        var outcome = await Orders(db, SampleOrders.WithoutLists).ReleaseAsync("olga", order.Id, "checked", CancellationToken.None);
        Assert.Equal(ReleaseResult.NoLongerReleasable, outcome.Result);
        Assert.Contains("not-screened", outcome.Detail, StringComparison.Ordinal);
        Assert.Equal(OrderStatus.Held, (await db.Orders.AsNoTracking().SingleAsync()).Status);
        Assert.Equal(["order.submitted", "order.alerts-raised"], await db.AuditEvents.OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
    }

    [Fact]
    public async Task Orders_are_listed_by_verdict_status_destination_and_order_date()
    {
        await SubmitAsync("sam", "k-1", SampleOrders.Held);
        await SubmitAsync("sam", "k-2", SampleOrders.Cleared);
        await using var db = Context();
        var orders = Orders(db);
        Assert.Equal(["EX-10"], (await orders.ListAsync(new OrderFilter("hold", null, null, null, null, null), CancellationToken.None)).Select(o => o.Reference));
        Assert.Equal(["EX-02"], (await orders.ListAsync(new OrderFilter(null, OrderStatus.Cleared, "CN", null, null, null), CancellationToken.None)).Select(o => o.Reference));
        Assert.Equal(["EX-02"], (await orders.ListAsync(new OrderFilter(null, null, null, new DateOnly(2024, 9, 1), new DateOnly(2024, 9, 30), null), CancellationToken.None)).Select(o => o.Reference));
        Assert.Empty(await orders.ListAsync(new OrderFilter(null, null, "VN", null, null, null), CancellationToken.None));
    }

    [Fact]
    public async Task Concurrent_submissions_share_transactions_each_answered_with_its_own_order_and_the_chain_verifies()
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_clock);
        services.AddSingleton(SampleOrders.Pipeline);
        services.AddSingleton(SampleOrders.Lists);
        _ = _database.Settings.Provider switch
        {
            DatabaseProvider.Sqlite => services.AddDbContext<ClearanceDbContext, SqliteClearanceDbContext>(_database.Settings.Configure),
            DatabaseProvider.Postgres => services.AddDbContext<ClearanceDbContext, PostgresClearanceDbContext>(_database.Settings.Configure),
        };
        services.AddScoped<AuditLog>();
        services.AddScoped<AlertWorkflow>();
        services.AddScoped<LicenseWorkflow>();
        services.AddSingleton<OrderCommitter>();
        services.AddScoped<OrderWorkflow>();
        await using (var provider = services.BuildServiceProvider())
        {
            async Task<OrderSubmission> Submit(string submitter, string key, string body)
            {
                await using var scope = provider.CreateAsyncScope();
                return await scope.ServiceProvider.GetRequiredService<OrderWorkflow>().SubmitAsync(submitter, key, body, CancellationToken.None);
            }

            // 60 distinct orders and 20 retries of one key, all at once: the retries must come back as one order.
            var distinct = Enumerable.Range(0, 60).Select(i => Task.Run(() => Submit(i % 2 == 0 ? "sam" : "erp", $"k-{i}", i % 3 == 0 ? SampleOrders.Held : SampleOrders.Cleared))).ToList();
            var retries = Enumerable.Range(0, 20).Select(_ => Task.Run(() => Submit("sam", "retried", SampleOrders.Cleared))).ToList();
            var submitted = await Task.WhenAll(distinct);
            var retried = await Task.WhenAll(retries);

            Assert.All(submitted, s => Assert.True(s.Created));
            Assert.Equal(60, submitted.Select(s => s.Order!.Id).Distinct().Count());
            Assert.Single(retried.Select(s => s.Order!.Id).Distinct());
            Assert.Single(retried, s => s.Created);
        }

        await using var check = Context();
        Assert.Equal(61, await check.Orders.CountAsync());
        Assert.Equal(61, await check.AuditEvents.CountAsync(e => e.Action == "order.submitted"));
        var events = await check.AuditEvents.Where(e => e.Action == "order.submitted").Select(e => e.EntityId).ToListAsync();
        Assert.Equal(61, events.Distinct().Count());
        Assert.True((await new AuditVerifier(check).VerifyAsync(CancellationToken.None)).Ok);
    }
}
