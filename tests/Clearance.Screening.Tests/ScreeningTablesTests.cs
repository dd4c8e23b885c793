namespace Clearance.Screening.Tests;

public sealed class ScreeningTablesTests
{
    [Fact]
    public void Loading_the_tables_reports_each_table_with_entries_and_the_same_sizes_the_second_time()
    {
        var first = ScreeningTables.Load();
        Assert.True(first.Foldings > 0, "foldings");
        Assert.True(first.HanReadings > 1000, $"{first.HanReadings} Han characters with readings");
        Assert.True(first.HanWords > 100, $"{first.HanWords} lexicon words");
        Assert.True(first.LexiconEntries > 100, $"{first.LexiconEntries} word-table entries");
        Assert.True(first.GivenNames > 10, $"{first.GivenNames} given names");
        Assert.True(first.KoreanSurnames > 10, $"{first.KoreanSurnames} Korean surnames");
        Assert.Equal(first, ScreeningTables.Load());
    }
}
