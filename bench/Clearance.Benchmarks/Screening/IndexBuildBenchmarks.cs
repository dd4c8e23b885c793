using BenchmarkDotNet.Attributes;
using Clearance.Screening;

namespace Clearance.Benchmarks.Screening;

/// <summary>Building the index over the default lists (entries already parsed).</summary>
[MemoryDiagnoser]
public class IndexBuildBenchmarks
{
    List<ListEntry> _entries = null!;

    [GlobalSetup]
    public void Setup() => _entries = DefaultLists.Entries();

    [Benchmark]
    public ScreeningIndex Build() => ScreeningIndex.Build(_entries);
}
