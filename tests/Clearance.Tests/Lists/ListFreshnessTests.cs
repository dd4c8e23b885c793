using Clearance.Lists;

namespace Clearance.Tests.Lists;

public sealed class ListFreshnessTests
{
    [Theory]
    [InlineData("2026-07-09", 30, false)]
    [InlineData("2026-08-08", 30, false)]
    [InlineData("2026-08-09", 30, true)]
    [InlineData("2026-08-09", 31, false)]
    [InlineData("2026-08-10", 31, true)]
    [InlineData("2025-01-01", 30, false)]
    public void A_snapshot_is_stale_when_older_than_the_order_date_by_more_than_the_allowed_days(string orderDate, int maxAgeDays, bool stale)
    {
        var list = new ListDate("us_lists_2026-07/bis_entity_list.json sha256:0123456789ab", new DateOnly(2026, 7, 9));

        var freshness = new ListFreshness(DateOnly.Parse(orderDate, System.Globalization.CultureInfo.InvariantCulture), maxAgeDays, [list]);

        Assert.Equal(stale, freshness.Stale.Contains(list));
    }

    [Fact]
    public void A_list_of_unknown_date_is_reported_as_possibly_stale()
    {
        var list = new ListDate("watch.csv sha256:0123456789ab", null);

        var freshness = new ListFreshness(new DateOnly(2026, 8, 1), 30, [list]);

        Assert.Equal(list, Assert.Single(freshness.Stale));
        Assert.Contains("not known", freshness.Warning(list), StringComparison.Ordinal);
    }

    [Fact]
    public void The_warning_names_the_snapshot_its_date_its_age_and_the_order_date()
    {
        var list = new ListDate("us_lists_2026-07/bis_entity_list.json sha256:0123456789ab", new DateOnly(2026, 7, 9));

        var warning = new ListFreshness(new DateOnly(2026, 8, 9), 30, [list]).Warning(list);

        Assert.Equal("the list snapshot us_lists_2026-07/bis_entity_list.json sha256:0123456789ab is of 2026-07-09, 31 days older than the order date 2026-08-09 "
            + "(more than 30): parties listed since then are not screened; update the lists", warning);
    }
}
