using Clearance.Screening;

namespace Clearance.Tests;

public sealed class ServiceStartTests
{
    [Fact]
    public void Finishing_a_start_loads_the_screening_tables_and_runs_one_full_collection()
    {
        var fullCollections = GC.CollectionCount(GC.MaxGeneration);
        var start = ServiceStart.Finish();
        Assert.True(GC.CollectionCount(GC.MaxGeneration) > fullCollections, "a full collection ran");
        Assert.Equal(ScreeningTables.Load(), start.Tables);
        Assert.True(start.Loading >= TimeSpan.Zero && start.Collecting >= TimeSpan.Zero);
        Assert.True(start.HeapBytes > 0);
    }
}
