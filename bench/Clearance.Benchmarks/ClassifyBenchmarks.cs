using System.Globalization;
using BenchmarkDotNet.Attributes;
using Clearance.Catalog;
using Clearance.Reports;
using Clearance.Rules;

namespace Clearance.Benchmarks;

[MemoryDiagnoser]
public class ClassifyBenchmarks
{
    static readonly DateOnly AsOf = DateOnly.Parse("2026-03-01", CultureInfo.InvariantCulture);

    Regulation _regulation = null!;
    ItemSpec[] _catalog = null!;
    ItemSpec[] _rows = null!;
    string _csv = null!;

    [Params(10_000, 100_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var data = ClearanceData.Load(ClearanceData.DefaultDirectory);
        _regulation = data.Regulation;
        var catalogPath = Path.Combine(ClearanceData.DefaultDirectory, "chips.csv");
        using (var text = new StreamReader(catalogPath))
        {
            _catalog = [.. ChipSpecFile.ReadAll(text, catalogPath).Select(s => s.Contains is { } chip ? ChipSpecFile.WithChip(s, data.Chips[chip]) : s)];
        }

        _rows = SpecGenerator.Specs(Rows);
        _csv = Path.Combine(Path.GetTempPath(), $"clearance-bench-{Rows}.csv");
        SpecGenerator.WriteCsv(_csv, Rows);
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_csv);

    [Benchmark(Description = "classify the catalog (69 items)")]
    public int ClassifyCatalog()
    {
        var controlled = 0;
        foreach (var spec in _catalog)
        {
            controlled += Classifier.Classify(spec, AsOf, _regulation).Level == ControlLevel.AdvancedComputingA ? 1 : 0;
        }

        return controlled;
    }

    [Benchmark(Description = "classify N in-memory rows")]
    public int ClassifyRows()
    {
        var controlled = 0;
        foreach (var spec in _rows)
        {
            controlled += Classifier.Classify(spec, AsOf, _regulation).Level == ControlLevel.AdvancedComputingA ? 1 : 0;
        }

        return controlled;
    }

    [Benchmark(Description = "check + read + classify + CSV of N rows from a file")]
    public long ClassifyFileToCsv()
    {
        var check = ChipSpecFile.Check(_csv, new Dictionary<string, ItemSpec>());
        var results = ChipSpecFile.Read(_csv, check.ContainedChips).Select(spec => Classifier.Classify(spec, AsOf, _regulation));
        using var sink = new StreamWriter(Stream.Null, new System.Text.UTF8Encoding(false), 1 << 16);
        return ClassificationReport.Write(results, ReportFormat.Csv, sink);
    }
}
