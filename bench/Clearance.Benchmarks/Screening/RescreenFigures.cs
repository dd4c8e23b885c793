using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Text;
using Clearance.Audit;
using Clearance.Data;
using Clearance.Lists;
using Clearance.Orders;
using Clearance.Parties;
using Clearance.Web.Hosting;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Primitives;

namespace Clearance.Benchmarks.Screening;

/// <summary>
/// <c>rescreen-figures sqlite|postgres CONNECTION PARTIES.csv [COUNT] [CHANGED] [no-orders|N/s]</c>: the service's import path with a
/// customer master of COUNT parties (default all rows of PARTIES.csv, as <c>bench/screening/million.py</c> writes it).
/// Imports a custom list of 1,000 entries of the shipped lists, loads the parties straight into the table, then imports
/// a version changing CHANGED (default 100) of those entries while orders are submitted one after another from another
/// task; prints the import's time to commit the version, the re-screen pass's time, and every order's commit time
/// during the import (count, p50, p99, max); <c>no-orders</c> leaves the orders out, to time the pass alone, and
/// <c>N/s</c> submits them at a steady N a second (each one started on its time, or at once when the one before ends late)
/// instead of back to back, as a busy order desk would rather than a client that keeps a core saturated. With
/// RESCREEN_JITTED=FILE set, the methods the JIT compiled while the import's version transaction held the lock are
/// written to FILE, one a line; with RESCREEN_ALLOCATIONS=1, the types allocated most during the import call are printed.
/// </summary>
static class RescreenFigures
{
    const int Entries = 1000;

    /// <summary>The issue's bound on an order's wait behind the import.</summary>
    const int SlowOrderMilliseconds = 100;

    /// <summary>Orders committed before the import starts.</summary>
    const int WarmUpOrders = 50;

    public static int Run(string[] args)
    {
        if (args.Length < 3)
        {
            Console.Error.WriteLine("rescreen-figures sqlite|postgres CONNECTION PARTIES.csv [COUNT] [CHANGED] [no-orders|N/s]");
            return 2;
        }

        var count = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : int.MaxValue;
        var changed = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 100;
        var mode = args.Length > 5 ? args[5] : "";
        // Orders a second: 0 back to back, null none.
        double? rate = mode switch
        {
            "" => 0,
            "no-orders" => null,
            _ when mode.EndsWith("/s", StringComparison.Ordinal)
                && double.TryParse(mode[..^2], NumberStyles.Float, CultureInfo.InvariantCulture, out var perSecond)
                && perSecond > 0 && double.IsFinite(perSecond) => perSecond,
            _ => -1,
        };
        if (rate < 0)
        {
            Console.Error.WriteLine($"rescreen-figures: the sixth argument is 'no-orders' or a rate of orders a second such as 20/s, not '{mode}'");
            return 2;
        }

        return RunAsync(args[0], args[1], args[2], count, changed, rate is not null, rate ?? 0).GetAwaiter().GetResult();
    }

    static async Task<int> RunAsync(string provider, string connection, string partiesFile, int count, int changed, bool orders, double rate)
    {
        var configuration = new SettingsOnly(new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Database:Provider"] = provider,
            ["ConnectionStrings:Clearance"] = connection,
        });
        var clock = Stopwatch.StartNew();
        using var trace = new WaitTrace(clock);
        // As the service runs: SQLite's log checkpointed by its background task, never inside a commit.
        var services = new ServiceCollection().AddLogging().AddClearance(configuration).AddSqliteCheckpointer()
            .ConfigureDbContext<SqliteClearanceDbContext>(o => o.AddInterceptors(trace.Interceptors))
            .ConfigureDbContext<PostgresClearanceDbContext>(o => o.AddInterceptors(trace.Interceptors))
            .BuildServiceProvider();
        using var checkpointer = services.GetServices<IHostedService>().OfType<SqliteCheckpointer>().Single();
        await checkpointer.StartAsync(CancellationToken.None);
        Console.WriteLine($"{(GCSettings.IsServerGC ? "server" : "workstation")} garbage collector ({(GCSettings.LatencyMode)}); "
            + $"{Environment.ProcessorCount} processors; SQLite log checkpointed in the background as the service does");
        Console.WriteLine(!orders ? "no orders" : rate > 0 ? $"orders paced at {rate:G} a second, one client" : "orders back to back, one client");
        await using (var scope = services.CreateAsyncScope())
        {
            await ClearanceDatabase.MigrateAsync(scope.ServiceProvider.GetRequiredService<ClearanceDbContext>(), CancellationToken.None);
        }

        // The entries: the first 1,000 of the shipped lists, as a custom list; the next version changes every n-th one
        // (tagged with the run's time, so that a run on a kept master imports a version of its own).
        var run = DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture);
        var shipped = services.GetRequiredService<ScreeningLists>().Current.Set.Lists.SelectMany(l => l.Entries).DistinctBy(e => e.Name).Take(Entries).ToList();
        // The lists are loaded: the service's start ends here, as the host's does (ServiceStart).
        var finished = ServiceStart.Finish();
        Console.WriteLine($"start finished as the service's does: tables loaded in {finished.Loading.TotalMilliseconds:F0} ms, heap compacted in "
            + $"{finished.Collecting.TotalMilliseconds:F0} ms ({finished.HeapBytes / 1e6:F0} MB)");

        string Csv(int change)
        {
            var text = new StringBuilder("id,name,aliases,country,list\n");
            for (var i = 0; i < shipped.Count; i++)
            {
                var e = shipped[i];
                var alias = change > 0 && i % (Entries / change) == 0 ? $"{e.Name} Branch {i} {run}" : "";
                text.Append(CultureInfo.InvariantCulture, $"E-{i},\"{e.Name.Replace("\"", "", StringComparison.Ordinal)}\",\"{alias}\",{e.Countries.FirstOrDefault() ?? ""},Bench watch list\n");
            }

            return text.ToString();
        }

        // On a master kept from an earlier run the list is there already: that run's version is the one changed now.
        await using (var scope = services.CreateAsyncScope())
        {
            if (!await scope.ServiceProvider.GetRequiredService<ClearanceDbContext>().ListVersions.AnyAsync(v => v.Source == "bench"))
            {
                var first = await scope.ServiceProvider.GetRequiredService<ListVersions>().ImportAsync("bench", "bench", "watch.csv", Encoding.UTF8.GetBytes(Csv(0)),
                    CancellationToken.None);
                Console.WriteLine($"version 1: {first.Result}, {first.Version?.EntryCount} entries");
            }
        }

        var loading = Stopwatch.StartNew();
        var loaded = await LoadPartiesAsync(services, partiesFile, count);
        Console.WriteLine($"{loaded:N0} parties in the master ({loading.Elapsed.TotalSeconds:F1} s to load or count)");

        // Orders one after another while the import runs; each one's commit time is recorded.
        using var stop = new CancellationTokenSource();
        var waits = new List<(double Start, double Ms)>();
        // Keys unique to this run: a kept master database still holds the orders (and idempotency keys) of earlier runs.
        var runKey = Guid.NewGuid().ToString("N")[..8];
        var warm = 0;
        var ordering = Task.Run(async () =>
        {
            var n = 0;
            var paced = Stopwatch.StartNew();
            while (orders && !stop.IsCancellationRequested)
            {
                if (rate > 0)
                {
                    // The n-th order's time on a steady schedule; an order that ended late starts the next at once.
                    var due = TimeSpan.FromSeconds(n / rate) - paced.Elapsed;
                    if (due > TimeSpan.Zero)
                    {
                        try
                        {
                            await Task.Delay(due, stop.Token);
                        }
                        catch (OperationCanceledException)
                        {
                            break;
                        }
                    }
                }

                await using var scope = services.CreateAsyncScope();
                var started = clock.Elapsed.TotalMilliseconds;
                var one = Stopwatch.StartNew();
                var submitted = await scope.ServiceProvider.GetRequiredService<OrderWorkflow>().SubmitAsync("bench", $"bench-{runKey}-{n++}", Order(n), CancellationToken.None);
                one.Stop();
                if (!submitted.Created)
                {
                    throw new InvalidOperationException("order refused: " + string.Join("; ", submitted.Errors.Select(e => e.Message)));
                }

                lock (waits)
                {
                    waits.Add((started, one.Elapsed.TotalMilliseconds));
                }

                Interlocked.Increment(ref warm);
            }
        });

        // Warmed up before the import: the first orders compile the order path (seconds on a loaded machine).
        await Task.Delay(2000);
        while (orders && !ordering.IsCompleted && Volatile.Read(ref warm) < WarmUpOrders)
        {
            await Task.Delay(100);
        }

        using var types = Environment.GetEnvironmentVariable("RESCREEN_ALLOCATIONS") is { Length: > 0 } ? new AllocationSampler() : null;
        var importStart = clock.Elapsed.TotalMilliseconds;
        var cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
        var allocatedStart = GC.GetTotalAllocatedBytes();
        var pauseStart = GC.GetTotalPauseDuration();
        ListImportOutcome outcome;
        await using (var scope = services.CreateAsyncScope())
        {
            outcome = await scope.ServiceProvider.GetRequiredService<ListVersions>().ImportAsync("bench", "bench", "watch-2.csv", Encoding.UTF8.GetBytes(Csv(changed)),
                CancellationToken.None);
        }

        var importEnd = clock.Elapsed.TotalMilliseconds;
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuStart).TotalSeconds;
        var allocated = GC.GetTotalAllocatedBytes() - allocatedStart;
        var paused = GC.GetTotalPauseDuration() - pauseStart;
        types?.Dispose();
        await stop.CancelAsync();
        await ordering;
        ScreeningPass pass;
        await using (var scope = services.CreateAsyncScope())
        {
            pass = await scope.ServiceProvider.GetRequiredService<ClearanceDbContext>().ScreeningPasses.AsNoTracking().OrderByDescending(p => p.Id).FirstAsync();
        }

        await checkpointer.StopAsync(CancellationToken.None);
        Console.WriteLine($"version 2: {outcome.Result}, {outcome.Version!.EntriesAdded} added, {outcome.Version.EntriesChanged} changed; "
            + $"{outcome.Version.PartiesRescreened:N0} parties and {outcome.Version.OrdersRescreened} held orders re-screened, {outcome.Version.AlertsRaised} alerts");
        Console.WriteLine($"import call: {(importEnd - importStart) / 1000:F2} s; pass {pass.Id} from its record to finished: "
            + $"{((pass.FinishedAt ?? DateTime.UtcNow) - pass.StartedAt).TotalSeconds:F2} s ({pass.PartiesScreened:N0} parties, {pass.Failures} failures)");
        Console.WriteLine($"this process's CPU during the import call (the pass, and the orders submitted meanwhile): {cpu:F2} s, "
            + $"{pass.PartiesScreened / Math.Max(cpu, 1e-9):N0} parties per CPU-second; {pass.PartiesScreened / Math.Max((importEnd - importStart) / 1000, 1e-9):N0} parties/s of wall time");
        var during = waits.Where(w => w.Start + w.Ms >= importStart && w.Start <= importEnd).Select(w => w.Ms).Order().ToList();
        var before = waits.Where(w => w.Start + w.Ms < importStart).Select(w => w.Ms).Order().ToList();
        Console.WriteLine($"orders before the import: {before.Count}, p50 {Percentile(before, 0.5):F1} ms, max {(before.Count > 0 ? before[^1] : 0):F1} ms");
        Console.WriteLine($"orders during the import: {during.Count}, p50 {Percentile(during, 0.5):F1} ms, p99 {Percentile(during, 0.99):F1} ms, max {(during.Count > 0 ? during[^1] : 0):F1} ms");
        var slow = waits.Where(w => w.Start + w.Ms >= importStart && w.Start <= importEnd && w.Ms > SlowOrderMilliseconds).OrderBy(w => w.Start).ToList();
        // Listed from half the bound: an order near it shows what the slow ones meet.
        var listed = waits.Where(w => w.Start + w.Ms >= importStart && w.Start <= importEnd && w.Ms > SlowOrderMilliseconds / 2).ToList();
        Console.WriteLine($"the {Math.Min(listed.Count, 10)} slowest orders over {SlowOrderMilliseconds / 2} ms, with the transactions and runtime pauses over "
            + $"{WaitTrace.KeepMilliseconds} ms during them (times in seconds from the import call's start):");
        foreach (var (start, ms) in listed.OrderByDescending(w => w.Ms).Take(10).OrderBy(w => w.Start))
        {
            var (pauses, pausedMs) = trace.PausedBetween(start, start + ms);
            Console.WriteLine($"  order at {(start - importStart) / 1000:F3} s: {ms:F0} ms; in it the runtime paused {pausedMs:F0} ms in {pauses} collections "
                + $"and the JIT began compiling {trace.JittedBetween(start, start + ms)} methods ("
                + string.Join(", ", trace.JittedByNamespace(start, start + ms, 3).Take(6).Select(n => $"{n.Namespace} {n.Count}")) + ")");
            foreach (var e in trace.Between(start, start + ms))
            {
                Console.WriteLine($"    {(e.Start - importStart) / 1000:F3} s +{e.Ms:F0} ms {e.What}");
            }
        }

        // What each slow order overlapped: a runtime pause, a transaction of the pass or the import holding the lock.
        var kept = trace.Between(importStart, importEnd);
        bool Overlaps((double Start, double Ms) o, WaitTrace.Slow e, bool held) =>
            (held ? e.Start + e.Ms - e.HeldMs : e.Start) < o.Start + o.Ms && e.Start + e.Ms > o.Start;
        Console.WriteLine($"orders over {SlowOrderMilliseconds} ms: {slow.Count}; during a runtime pause over {WaitTrace.KeepMilliseconds} ms: {slow.Count(o => kept.Any(e => e.Kind == "pause" && Overlaps(o, e, false)))}; "
            + $"while a pass batch held the lock over {WaitTrace.KeepMilliseconds} ms: {slow.Count(o => kept.Any(e => e.Kind == "pass batch" && Overlaps(o, e, true)))}; "
            + $"while the import's version transaction held it: {slow.Count(o => kept.Any(e => e.Kind == "import" && Overlaps(o, e, true)))}");
        Console.WriteLine("methods the JIT began compiling during the import call, by namespace: "
            + string.Join(", ", trace.JittedByNamespace(importStart, importEnd, 2).Take(12).Select(n => $"{n.Namespace} {n.Count}")));
        foreach (var import in kept.Where(e => e.Kind == "import"))
        {
            Console.WriteLine($"  the import's version transaction held the lock {import.HeldMs:F0} ms, in which the JIT compiled "
                + $"{trace.JittedBetween(import.Start + import.Ms - import.HeldMs, import.Start + import.Ms)} methods (the whole import call: {trace.JittedBetween(importStart, importEnd)})");
            var (from, to) = (import.Start + import.Ms - import.HeldMs, import.Start + import.Ms);
            Console.WriteLine("    by namespace: " + string.Join(", ", trace.JittedByNamespace(from, to, 3).Take(12).Select(n => $"{n.Namespace} {n.Count}")));
            if (Environment.GetEnvironmentVariable("RESCREEN_JITTED") is { Length: > 0 } jittedFile)
            {
                File.WriteAllLines(jittedFile, trace.Jitted(from, to));
            }
        }

        foreach (var kind in kept.Where(e => e.Kind != "import" || e.Ms >= WaitTrace.KeepMilliseconds).GroupBy(e => e.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"  {kind.Key}{(kind.Key == "pause" ? "s" : " transactions")} over {WaitTrace.KeepMilliseconds} ms: {kind.Count()}, longest {kind.Max(e => e.Ms):F0} ms"
                + (kind.Key == "pause" ? "" : $", longest hold of the lock {kind.Max(e => e.HeldMs):F0} ms"));
        }

        Console.WriteLine($"allocated during the import call: {allocated / 1e6:N0} MB ({allocated / Math.Max(pass.PartiesScreened, 1):N0} bytes per party); "
            + $"runtime paused {paused.TotalMilliseconds:N0} ms in {GC.CollectionCount(0)} collections since start ({GC.CollectionCount(2)} of generation 2)");
        if (types is not null)
        {
            Console.WriteLine("allocated during the import call by type: " + types.Describe(20));
        }

        return 0;
    }

    static double Percentile(List<double> sorted, double q) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)(q * sorted.Count))];

    static string Order(int n) => $$"""
        {"id": "BENCH-{{n}}", "date": "2026-06-01", "destination": "VN", "endUse": "datacenter",
         "parties": [{"role": "buyer", "name": "Saigon Cloud Compute JSC", "country": "VN", "headquarters": "VN"}],
         "lines": [{"item": "NVIDIA H100 SXM5 80GB", "quantity": 8, "unitPrice": 27500}]}
        """;

    /// <summary>The parties straight into the table (as a data migration would), 10,000 per transaction, screened
    /// against nothing yet: one prepared INSERT per row on SQLite, binary COPY on PostgreSQL (EF's change tracker took
    /// half an hour for the million on this machine). A master that already holds at least COUNT parties is kept.</summary>
    static async Task<int> LoadPartiesAsync(ServiceProvider services, string path, int count)
    {
        await using (var scope = services.CreateAsyncScope())
        {
            var existing = await scope.ServiceProvider.GetRequiredService<ClearanceDbContext>().Parties.CountAsync();
            if (existing > 0 && (count == int.MaxValue || existing >= count))
            {
                Console.WriteLine($"{existing:N0} parties already in the database: kept");
                return existing;
            }
        }

        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        await csv.ReadAsync();
        csv.ReadHeader();
        var now = AuditChain.Truncate(DateTimeOffset.UtcNow);
        var loaded = 0;
        var more = true;
        while (more && loaded < count)
        {
            var rows = new List<(string Id, string Name, string Country)>();
            while (rows.Count < 10_000 && loaded + rows.Count < count && (more = await csv.ReadAsync()))
            {
                rows.Add((csv.GetField("id")!, csv.GetField("name")!, csv.GetField("country") ?? ""));
            }

            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ClearanceDbContext>();
            await db.Database.OpenConnectionAsync();
            var connection = db.Database.GetDbConnection();
            if (connection is Npgsql.NpgsqlConnection postgres)
            {
                await using var copy = await postgres.BeginBinaryImportAsync(
                    "COPY parties (\"ExternalReference\", \"Name\", \"Aliases\", \"Owners\", \"Country\", \"SubjectKey\", \"NameKey\", "
                    + "\"CreatedBy\", \"CreatedAt\", \"UpdatedBy\", \"UpdatedAt\", \"ScreenedAt\", \"ListVersionHash\") FROM STDIN (FORMAT BINARY)");
                foreach (var (id, name, country) in rows)
                {
                    await copy.StartRowAsync();
                    await copy.WriteAsync(id, NpgsqlTypes.NpgsqlDbType.Varchar);
                    await copy.WriteAsync(name, NpgsqlTypes.NpgsqlDbType.Varchar);
                    await copy.WriteAsync(Array.Empty<string>(), NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text);
                    await copy.WriteAsync("[]", NpgsqlTypes.NpgsqlDbType.Jsonb);
                    await copy.WriteAsync(country, NpgsqlTypes.NpgsqlDbType.Varchar);
                    await copy.WriteAsync(ScreeningSubject.Key(name, [], country), NpgsqlTypes.NpgsqlDbType.Varchar);
                    await copy.WriteAsync(ScreeningSubject.NameKey(name, country), NpgsqlTypes.NpgsqlDbType.Varchar);
                    await copy.WriteAsync("bench", NpgsqlTypes.NpgsqlDbType.Varchar);
                    await copy.WriteAsync(now, NpgsqlTypes.NpgsqlDbType.TimestampTz);
                    await copy.WriteAsync("bench", NpgsqlTypes.NpgsqlDbType.Varchar);
                    await copy.WriteAsync(now, NpgsqlTypes.NpgsqlDbType.TimestampTz);
                    await copy.WriteAsync(now, NpgsqlTypes.NpgsqlDbType.TimestampTz);
                    await copy.WriteAsync("", NpgsqlTypes.NpgsqlDbType.Varchar);
                }

                await copy.CompleteAsync();
            }
            else
            {
                await using var transaction = await connection.BeginTransactionAsync();
                await using var insert = connection.CreateCommand();
                insert.Transaction = transaction;
                insert.CommandText = "INSERT INTO parties (ExternalReference, Name, Aliases, Owners, Country, SubjectKey, NameKey, CreatedBy, CreatedAt, "
                    + "UpdatedBy, UpdatedAt, ScreenedAt, ListVersionHash) VALUES ($id, $name, '[]', '[]', $country, $subject, $nameKey, 'bench', $now, 'bench', $now, $now, '')";
                var parameters = new[] { "$id", "$name", "$country", "$subject", "$nameKey", "$now" }.Select(n =>
                {
                    var parameter = insert.CreateParameter();
                    parameter.ParameterName = n;
                    insert.Parameters.Add(parameter);
                    return parameter;
                }).ToArray();
                parameters[5].Value = now;
                foreach (var (id, name, country) in rows)
                {
                    parameters[0].Value = id;
                    parameters[1].Value = name;
                    parameters[2].Value = country;
                    parameters[3].Value = ScreeningSubject.Key(name, [], country);
                    parameters[4].Value = ScreeningSubject.NameKey(name, country);
                    await insert.ExecuteNonQueryAsync();
                }

                await transaction.CommitAsync();
            }

            loaded += rows.Count;
        }

        return loaded;
    }

    /// <summary>The two settings the service reads, without a configuration package of its own.</summary>
    internal sealed class SettingsOnly(Dictionary<string, string?> values) : IConfiguration
    {
        public string? this[string key]
        {
            get => values.GetValueOrDefault(key);
            set => values[key] = value;
        }

        public IConfigurationSection GetSection(string key) => new Section(this, key);

        public IEnumerable<IConfigurationSection> GetChildren() => [];

        public IChangeToken GetReloadToken() => new CancellationChangeToken(CancellationToken.None);

        sealed class Section(SettingsOnly root, string path) : IConfigurationSection
        {
            public string? this[string key]
            {
                get => root[path + ":" + key];
                set => root[path + ":" + key] = value;
            }

            public string Key => path.Split(':')[^1];

            public string Path => path;

            public string? Value
            {
                get => root[path];
                set => root[path] = value;
            }

            public IConfigurationSection GetSection(string key) => new Section(root, path + ":" + key);

            public IEnumerable<IConfigurationSection> GetChildren() => [];

            public IChangeToken GetReloadToken() => new CancellationChangeToken(CancellationToken.None);
        }
    }
}
