using System.Diagnostics;
using System.Globalization;
using Clearance.Screening;
using CsvHelper;

namespace Clearance.Benchmarks.Screening;

/// <summary>
/// <c>query-cpu NAMES.csv [ROUNDS]</c>: CPU time and managed allocation per <c>Screen</c> call (top 3, as the order path
/// asks) over a CSV of <c>name</c> and optional <c>country</c>, one thread, every name screened once per round. The order
/// path's names (company names of common words) cost more than the average of the 50,000 person names.
/// </summary>
static class QueryCpu
{
    public static int Run(string[] args)
    {
        var queries = Read(args[0]);
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2000;
        var index = ScreeningIndex.Build(DefaultLists.Entries());
        for (var w = 0; w < Math.Max(1, 20_000 / queries.Count); w++)
        {
            foreach (var q in queries)
            {
                index.Screen(q, 3);
            }
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var cpu = Process.GetCurrentProcess().UserProcessorTime + Process.GetCurrentProcess().PrivilegedProcessorTime;
        var wall = Stopwatch.StartNew();
        for (var r = 0; r < rounds; r++)
        {
            foreach (var q in queries)
            {
                index.Screen(q, 3);
            }
        }

        var elapsed = wall.Elapsed;
        var used = Process.GetCurrentProcess().UserProcessorTime + Process.GetCurrentProcess().PrivilegedProcessorTime - cpu;
        var calls = (double)rounds * queries.Count;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{calls:F0} queries ({queries.Count} names x {rounds}): {used.TotalMicroseconds / calls:F2} us CPU/query, "
            + $"{elapsed.TotalMicroseconds / calls:F2} us wall/query, {(GC.GetAllocatedBytesForCurrentThread() - allocated) / calls:F0} B allocated/query"));
        return 0;
    }

    static List<ScreeningQuery> Read(string path)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var hasCountry = csv.HeaderRecord!.Contains("country", StringComparer.Ordinal);
        var queries = new List<ScreeningQuery>();
        while (csv.Read())
        {
            var country = hasCountry ? csv.GetField("country") : null;
            queries.Add(new ScreeningQuery(csv.GetField("name")!, string.IsNullOrEmpty(country) ? null : country));
        }

        return queries;
    }
}
