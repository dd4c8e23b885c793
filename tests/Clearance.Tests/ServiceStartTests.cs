using Clearance.Screening;

namespace Clearance.Tests;

public sealed class ServiceStartTests
{
    [Fact]
    public void The_first_start_of_a_process_loads_the_screening_tables_and_runs_one_full_collection_and_a_later_start_none()
    {
        var fullCollections = GC.CollectionCount(GC.MaxGeneration);
        var first = ServiceStart.Finish();
        Assert.True(first.Collected, "no other test in this process finishes a start");
        Assert.True(GC.CollectionCount(GC.MaxGeneration) > fullCollections, "a full collection ran");
        Assert.Equal(ScreeningTables.Load(), first.Tables);
        Assert.True(first.Collecting > TimeSpan.Zero && first.HeapBytes > 0);

        var second = ServiceStart.Finish();
        Assert.False(second.Collected);
        Assert.Equal(TimeSpan.Zero, second.Collecting);
        Assert.Equal(first.Tables, second.Tables);
    }
}
