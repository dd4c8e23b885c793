using System.Data.Common;
using System.Text.RegularExpressions;
using Clearance.Licenses;
using Clearance.Alerts;
using Clearance.Audit;
using Clearance.Data;
using Clearance.Orders;
using Clearance.Tests.Databases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace Clearance.Tests.Orders;

/// <summary>
/// The order path's reads must be index searches: a query that scans a whole table costs more with every order stored,
/// which a short test never notices and a service under load does (the idempotency look-up once scanned every order on
/// each commit). SQLite's planner picks the same plan on an empty database as on a full one (no statistics are
/// gathered), so asking it on a test database is asking it in production.
/// </summary>
public sealed class OrderQueryPlanTests : IAsyncLifetime
{
    /// <summary>The tables that grow with every order.</summary>
    static readonly string[] Growing = ["orders", "audit_events", "screening_alerts", "parties"];

    readonly SqliteDatabase _database = new();
    readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 5, 4, 12, 0, 0, TimeSpan.Zero));
    readonly QueryPlans _plans = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    ClearanceDbContext Context()
    {
        var options = new DbContextOptionsBuilder<SqliteClearanceDbContext>();
        _database.Settings.Configure(options);
        options.AddInterceptors(_plans);
        return new SqliteClearanceDbContext(options.Options);
    }

    OrderWorkflow Orders(ClearanceDbContext db) =>
        new(db, new AuditLog(db, _clock), SampleOrders.Pipeline,
            new AlertWorkflow(db, new AuditLog(db, _clock), SampleOrders.Lists, SampleOrders.Pipeline, _clock),
            new LicenseWorkflow(db, new AuditLog(db, _clock), SampleOrders.Pipeline, _clock), _clock);

    [Fact]
    public async Task Submitting_retrying_and_releasing_orders_read_no_growing_table_in_full()
    {
        const string withOwner = """
            {"id": "EX-30", "date": "2024-09-15", "destination": "CN", "endUse": "datacenter",
             "parties": [{"role": "buyer", "name": "Jiangnan Inference Services Co., Ltd.", "country": "CN", "headquarters": "CN",
                          "owners": [{"name": "Sugon", "percent": 30, "country": "CN"}]}],
             "lines": [{"item": "NVIDIA H20 (HGX H20)", "quantity": 8, "unitPrice": 12000}]}
            """;
        long held;
        await using (var db = Context())
        {
            var orders = Orders(db);
            await orders.SubmitAsync("sam", "k-1", SampleOrders.Cleared, CancellationToken.None);
            held = (await orders.SubmitAsync("sam", "k-2", SampleOrders.Held, CancellationToken.None)).Order!.Id;
            await orders.SubmitAsync("sam", "k-3", withOwner, CancellationToken.None);
            Assert.False((await orders.SubmitAsync("sam", "k-2", SampleOrders.Held, CancellationToken.None)).Created);
            var alerts = new AlertWorkflow(db, new AuditLog(db, _clock), SampleOrders.Lists, SampleOrders.Pipeline, _clock);
            foreach (var alert in await alerts.ListAsync(new AlertFilter(AlertStatus.Open, null, held, null, null), CancellationToken.None))
            {
                await alerts.DispositionAsync("olga", alert.Id, AlertStatus.FalsePositive, "a different company", CancellationToken.None);
            }

            Assert.Equal(ReleaseResult.Released, (await orders.ReleaseAsync("olga", held, "end-use statement on file", CancellationToken.None)).Result);
        }

        Assert.Contains(_plans.Seen, p => Tables(p.Sql).ContainsValue("orders"));
        Assert.Contains(_plans.Seen, p => Tables(p.Sql).ContainsValue("screening_alerts"));
        var scans = _plans.Seen.SelectMany(p => FullScans(p.Sql, p.Plan).Select(table => $"{table} in: {p.Sql.ReplaceLineEndings(" ")}")).ToList();
        Assert.Empty(scans);
    }

    /// <summary>The growing tables a plan reads in full. A scan that stops at once is not one: reading the last row by
    /// id (no WHERE, a LIMIT) and a statement whose WHERE is constant false (EF's translation of an empty list).</summary>
    static IEnumerable<string> FullScans(string sql, IReadOnlyList<string> plan)
    {
        var stopsAtOnce = (!sql.Contains("WHERE", StringComparison.Ordinal) && sql.Contains("LIMIT", StringComparison.Ordinal))
            || sql.Contains("WHERE 0", StringComparison.Ordinal);
        if (stopsAtOnce)
        {
            yield break;
        }

        var tables = Tables(sql);
        foreach (var line in plan)
        {
            var scan = Regex.Match(line, @"^SCAN (\w+)");
            if (scan.Success && tables.TryGetValue(scan.Groups[1].Value, out var table) && Growing.Contains(table))
            {
                yield return table;
            }
        }
    }

    /// <summary>EF names each table with an alias (<c>FROM "orders" AS "o"</c>); SQLite's plan names the alias.</summary>
    static Dictionary<string, string> Tables(string sql) =>
        Regex.Matches(sql, "(?:FROM|JOIN) \"(\\w+)\" AS \"(\\w+)\"")
            .DistinctBy(m => m.Groups[2].Value)
            .ToDictionary(m => m.Groups[2].Value, m => m.Groups[1].Value);

    /// <summary>Asks SQLite for the plan of every query the context runs, with the query's own parameters, on its
    /// connection and in its transaction, just before it runs.</summary>
    sealed class QueryPlans : DbCommandInterceptor
    {
        public List<(string Sql, IReadOnlyList<string> Plan)> Seen { get; } = [];

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Explain(command);
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Explain(command);
            return ValueTask.FromResult(result);
        }

        void Explain(DbCommand command)
        {
            if (!command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            using var explain = command.Connection!.CreateCommand();
            explain.Transaction = command.Transaction;
            explain.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
            foreach (DbParameter parameter in command.Parameters)
            {
                var copy = explain.CreateParameter();
                copy.ParameterName = parameter.ParameterName;
                copy.Value = parameter.Value;
                explain.Parameters.Add(copy);
            }

            var plan = new List<string>();
            using (var reader = explain.ExecuteReader())
            {
                while (reader.Read())
                {
                    // id, parent, notused, detail
                    plan.Add(reader.GetString(3));
                }
            }

            Seen.Add((command.CommandText, plan));
        }
    }
}
