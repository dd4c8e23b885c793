using System.Diagnostics;
using System.Globalization;
using Clearance.Alerts;
using Clearance.Parties;
using Clearance.Screening;
using CsvHelper;

namespace Clearance.Benchmarks.Screening;

/// <summary>
/// <c>delta-cpu PARTIES.csv [COUNT] [normalise|delta|full]</c>: one thread, CPU time and managed allocation per party of the stages a
/// re-screening pass and <c>screen</c> spend on a name: normalising it, screening it against a delta of 100 entries as
/// the pass does (<see cref="AlertWorkflow.PartyHits"/>; the delta is built as <c>rescreen-figures</c> builds it: every
/// tenth of the first 1,000 shipped entries with an alias added), and screening it against every shipped entry as
/// <c>screen</c> does (top 1). PARTIES.csv as <c>bench/screening/million.py</c> writes it; COUNT defaults to 50,000; the last argument runs one stage only (for a profiler). With
/// DELTA_ALLOCATIONS=1 set, each stage also prints the types it allocated most, from the runtime's allocation samples.
/// </summary>
static class DeltaCpu
{
    public static int Run(string[] args)
    {
        var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50_000;
        var parties = Read(args[0], count);
        var entries = DefaultLists.Entries();
        var first = entries.DistinctBy(e => e.Name).Take(1000).ToList();
        var delta = ScreeningIndex.Build([.. first.Where((_, i) => i % 10 == 0).Select((e, i) => e with { Aliases = [.. e.Aliases, $"{e.Name} Branch {i * 10}"] })]);
        var full = ScreeningIndex.Build(entries);

        var only = args.Length > 2 ? args[2] : null;
        if (only is null or "normalise")
        {
            Measure("normalise", parties, p => NameNormalizer.Normalize(p.Name, p.Type).Count);
        }

        if (only is null or "delta")
        {
            Measure("delta hits (pass)", parties, p => AlertWorkflow.PartyHits(p.Name, [], p.Country, null, p.SubjectKey, p.NameKey, [], delta)[0].Hits.Count);
        }

        if (only is null or "full")
        {
            Measure("full screen top 1 (CLI)", parties, p => full.Screen(new ScreeningQuery(p.Name, p.Country, null, p.Type), 1).Count);
        }
        return 0;
    }

    sealed record PartyRow(string Name, string? Country, PartyType Type, string SubjectKey, string NameKey);

    static void Measure(string stage, List<PartyRow> parties, Func<PartyRow, int> work)
    {
        var warm = 0L;
        foreach (var p in parties.Take(5000))
        {
            warm += work(p);
        }

        using var types = Environment.GetEnvironmentVariable("DELTA_ALLOCATIONS") is { Length: > 0 } ? new AllocationSampler() : null;
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        var found = 0L;
        foreach (var p in parties)
        {
            found += work(p);
        }

        var elapsed = wall.Elapsed;
        var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{stage}: {parties.Count} parties, {used.TotalMicroseconds / parties.Count:F2} us CPU/party ({parties.Count / used.TotalSeconds:F0} per CPU-second), "
            + $"{elapsed.TotalMicroseconds / parties.Count:F2} us wall/party, {(GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)parties.Count:F0} B allocated/party, "
            + $"result sum {found} (warm-up {warm})"));
        if (types is not null)
        {
            Thread.Sleep(1000);
            Console.WriteLine("  allocated by type: " + types.Describe(15));
        }
    }

    static List<PartyRow> Read(string path, int count)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var rows = new List<PartyRow>();
        while (rows.Count < count && csv.Read())
        {
            var name = csv.GetField("name")!;
            var country = csv.GetField("country") ?? "";
            var type = csv.GetField("type") switch
            {
                "individual" => PartyType.Individual,
                "entity" => PartyType.Entity,
                _ => PartyType.Unknown,
            };
            rows.Add(new PartyRow(name, country.Length == 0 ? null : country, type, ScreeningSubject.Key(name, [], country), ScreeningSubject.NameKey(name, country)));
        }

        return rows;
    }
}
