using Clearance.Lists;
using Clearance.Screening;

namespace Clearance.Benchmarks.Screening;

/// <summary>The shipped snapshots (CSL 2022-05 and OFAC SDN 2024-05-03), merged as <c>screen</c> merges them.</summary>
static class DefaultLists
{
    public static string DataDirectory => Path.Combine(AppContext.BaseDirectory, "data", "lists");

    public static List<ListEntry> Entries()
    {
        var countries = ClearanceData.Load(ClearanceData.DefaultDirectory).Countries;
        return ListMerger.Merge(new ListStore(Path.Combine(Path.GetTempPath(), "clearance-bench-none"), DataDirectory).ShippedPaths
            .Select(p => ListLoader.Load(p, countries)));
    }
}
