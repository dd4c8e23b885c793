using BenchmarkDotNet.Attributes;
using Clearance.Screening;

namespace Clearance.Benchmarks.Screening;

/// <summary>Screening one name against the index of the default lists (about 19,600 entries, 39,000 names).</summary>
[MemoryDiagnoser]
public class ScreenOneNameBenchmarks
{
    ScreeningIndex _index = null!;

    [Params("Huawei Technologies Co., Ltd.", "华为技术有限公司", "Patricia Lucas Wheeler", "HIKVISION DIGITAL TECH CO LTD (HANGZHOU)")]
    public string Name { get; set; } = "";

    [GlobalSetup]
    public void Setup() => _index = ScreeningIndex.Build(DefaultLists.Entries());

    [Benchmark]
    public IReadOnlyList<ScreeningMatch> Screen() => _index.Screen(new ScreeningQuery(Name));
}
