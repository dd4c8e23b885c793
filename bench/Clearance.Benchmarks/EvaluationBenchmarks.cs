using System.Globalization;
using BenchmarkDotNet.Attributes;
using Clearance.Orders;
using Clearance.Rules.Licensing;

namespace Clearance.Benchmarks;

/// <summary>License determination per order line, screening excluded: the rules engine alone on classified, screened
/// facts, and classification plus the engine from parsed orders.</summary>
[MemoryDiagnoser]
[MinColumn]
[MaxColumn]
public class EvaluationBenchmarks
{
    const int Orders = 2000;
    const int LinesPerOrder = 2;
    const int TotalLines = Orders * LinesPerOrder;

    static readonly string[] Destinations = ["CN", "VN", "MY", "DE", "MO", "AE", "SA", "HK", "IN", "IR"];
    static readonly string[] Headquarters = ["CN", "US", "VN", "MY", "DE"];
    static readonly string[] Dates = ["2023-06-01", "2024-06-01", "2025-06-01", "2026-03-01", "2026-08-01"];

    LicenseEngine _engine = null!;
    OrderEvaluator _evaluator = null!;
    OrderInput[] _orders = null!;
    (OrderFacts Facts, DateOnly Date)[] _facts = null!;

    [GlobalSetup]
    public void Setup()
    {
        var data = ClearanceData.Load(DataDirectory());
        _engine = new LicenseEngine(data.Regulation);
        _evaluator = new OrderEvaluator(data, new NoHitsScreener());
        var items = data.Catalog.Values.OrderBy(s => s.Name, StringComparer.Ordinal).ToArray();
        _orders = new OrderInput[Orders];
        for (var i = 0; i < Orders; i++)
        {
            var destination = Destinations[i % Destinations.Length];
            _orders[i] = new OrderInput
            {
                Id = i.ToString(CultureInfo.InvariantCulture),
                Date = DateOnly.ParseExact(Dates[(i / 7) % Dates.Length], "yyyy-MM-dd", CultureInfo.InvariantCulture),
                Destination = destination,
                Exporter = i % 3 == 0 ? "NVIDIA" : null,
                EndUse = i % 11 == 0 ? EndUse.Supercomputer : EndUse.Datacenter,
                Parties = [new PartyInput { Role = PartyRole.Buyer, Name = "Buyer " + i.ToString(CultureInfo.InvariantCulture), Country = destination, Headquarters = Headquarters[(i / 3) % Headquarters.Length] }],
                Lines = [.. Enumerable.Range(0, LinesPerOrder).Select(l => items[((i * LinesPerOrder) + l) % items.Length]).Select(s => new LineInput(s.Name, s, 8, 25000m))],
            };
        }

        _facts = [.. _orders.Select(o => (_evaluator.Facts(o, o.Date), o.Date))];
    }

    /// <summary>The rules engine alone: classified, screened facts to a decision.</summary>
    [Benchmark(OperationsPerInvoke = TotalLines)]
    public int EngineOnly()
    {
        var licensed = 0;
        foreach (var (facts, date) in _facts)
        {
            licensed += (int)_engine.Evaluate(facts, date, DiffusionReading.Enforced).Verdict;
        }

        return licensed;
    }

    /// <summary>Classification of each line from its specification, then the rules engine.</summary>
    [Benchmark(OperationsPerInvoke = TotalLines)]
    public int ClassifyAndDecide()
    {
        var licensed = 0;
        foreach (var order in _orders)
        {
            licensed += (int)_evaluator.Evaluate(order, null, DiffusionReading.Enforced).Verdict;
        }

        return licensed;
    }

    static string DataDirectory()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "data", "rules", "licensing.json")))
                {
                    return Path.Combine(dir.FullName, "data");
                }
            }
        }

        throw new DirectoryNotFoundException("data/rules/licensing.json not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Screening is measured in its own benchmarks; here every party is screened and nothing is found.</summary>
    sealed class NoHitsScreener : IPartyScreener
    {
        public string Lists => "none (benchmark)";

        public ScreenedName Screen(string name, string? country, string? address) => ScreenedName.None;
    }
}
