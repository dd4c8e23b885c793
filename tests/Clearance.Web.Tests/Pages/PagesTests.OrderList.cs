using System.Globalization;
using System.Text.RegularExpressions;
using Clearance.Orders;
using Clearance.Users;

namespace Clearance.Web.Tests.Pages;

public abstract partial class PagesTests<TDb>
{
    /// <summary>How fast the list renders is measured in bench/ (bench/README.md); this checks that paging and sorting
    /// over more orders than fit on a page is right: every order once, in the order asked, ties broken the same way.</summary>
    [Fact]
    public async Task The_order_list_pages_through_many_orders_in_each_sort_showing_every_order_once_in_order()
    {
        const int count = 130;
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        await app.QueryAsync(async db =>
        {
            var at = new DateTime(2026, 5, 1, 0, 0, 0, DateTimeKind.Utc);
            for (var i = 0; i < count; i++)
            {
                var status = (OrderStatus)(i % 5);
                db.Orders.Add(new Order
                {
                    IdempotencyKey = $"paging-{i}",
                    SubmittedBy = "sales-1",
                    SubmittedAt = at.AddMinutes(i),
                    // A permutation of 0..count-1, so the reference order differs from the id order.
                    Reference = string.Create(CultureInfo.InvariantCulture, $"PG-{(i * 37) % count:D3}"),
                    // Seven dates only: sorting by date has ties, which the id breaks.
                    OrderDate = new DateOnly(2025, 1, 1).AddDays(i % 7),
                    Destination = i % 2 == 0 ? "CN" : "DE",
                    OrderJson = "{}",
                    DecisionJson = "{}",
                    Verdict = status == OrderStatus.Held ? "hold" : "cleared",
                    Status = status,
                    VintageId = "2025-01-13",
                    UpdatedAt = at.AddMinutes(i),
                });
            }

            return await db.SaveChangesAsync();
        });
        var viewer = await SignedInAsync(app, Role.Viewer);

        async Task<List<(long Id, string Reference, string Date)>> AllPagesAsync(string query)
        {
            var rows = new List<(long, string, string)>();
            var first = await viewer.GetStringAsync($"/orders?{query}");
            Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"{count:N0} orders</p>"), first, StringComparison.Ordinal);
            Assert.Contains("Page 1 of 3", first, StringComparison.Ordinal);
            for (var page = 1; page <= 3; page++)
            {
                var html = page == 1 ? first : await viewer.GetStringAsync($"/orders?{query}&page={page}");
                rows.AddRange(ListRow().Matches(html).Select(m => (long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), m.Groups[2].Value, m.Groups[3].Value)));
            }

            Assert.Equal(count, rows.Count);
            Assert.Equal(count, rows.Select(r => r.Item1).Distinct().Count());
            return rows;
        }

        var byReference = await AllPagesAsync("sort=reference&dir=asc");
        Assert.Equal([.. byReference.Select(r => r.Reference).Order(StringComparer.Ordinal)], byReference.Select(r => r.Reference));
        var byReferenceDescending = await AllPagesAsync("sort=reference&dir=desc");
        Assert.Equal(byReference.Select(r => r.Reference).Reverse(), byReferenceDescending.Select(r => r.Reference));
        var byDate = await AllPagesAsync("sort=date&dir=desc");
        Assert.Equal([.. byDate.OrderByDescending(r => r.Date, StringComparer.Ordinal).ThenByDescending(r => r.Id)], byDate);
        var newest = await AllPagesAsync("");
        Assert.Equal([.. newest.OrderByDescending(r => r.Id)], newest);

        var filtered = await viewer.GetStringAsync("/orders?destination=CN&sort=reference&dir=asc&page=2");
        Assert.Contains("65 orders</p>", filtered, StringComparison.Ordinal);
        Assert.Contains("Page 2 of 2", filtered, StringComparison.Ordinal);
        Assert.Equal(15, ListRow().Matches(filtered).Count);
    }

    [GeneratedRegex("<td class=\"num\"><a href=\"/orders/(\\d+)\">\\d+</a></td>\\s*<td>([^<]*)</td>\\s*<td>([^<]*)</td>")]
    private static partial Regex ListRow();
}
