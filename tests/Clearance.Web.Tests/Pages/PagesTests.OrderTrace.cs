using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Clearance.Users;

namespace Clearance.Web.Tests.Pages;

public abstract partial class PagesTests<TDb>
{
    [Fact]
    public async Task The_order_trace_shows_each_lines_license_coverage_as_the_api_returns_it_covered_with_its_license_linked_or_not_with_the_reasons()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var officer = await app.ClientForAsync(Role.ComplianceOfficer);
        var sales = await app.ClientForAsync(Role.Sales);
        var licenseId = await LicenseSamples.CreateAsync(officer, LicenseSamples.License());
        var covered = await OrderIdAsync(sales, LicenseSamples.Order("LIC-1", quantity: 100), "t1");
        // A buyer the license does not name and more units than it allows: not covered, for two reasons.
        var refused = await OrderIdAsync(sales, LicenseSamples.Order("LIC-2", quantity: 5000, buyer: "Meridian Orchard Holdings"), "t2");
        var viewer = await SignedInAsync(app, Role.Viewer);

        foreach (var (orderId, status, expected) in new[] { (covered, "licensed", "covered"), (refused, "license-required", "not-covered") })
        {
            var html = await viewer.GetStringAsync($"/orders/{orderId}");
            var api = await Responses.JsonAsync(await app.AdminClient().GetAsync($"/api/orders/{orderId}"), HttpStatusCode.OK);
            var license = api.GetProperty("lines")[0].GetProperty("license");

            Assert.Equal(status, api.GetProperty("status").GetString());
            Assert.Equal(expected, license.GetProperty("status").GetString());
            var shown = Coverage(html, 0);
            Assert.Equal(license.GetProperty("status").GetString(), shown.Status);
            Assert.Equal(license.GetProperty("number").GetString(), shown.Number);
            Assert.Equal($"/licenses/{licenseId}", shown.Href);
            Assert.Equal(
                [.. license.GetProperty("reasons").EnumerateArray().Select(r => (r.GetProperty("code").GetString()!, r.GetProperty("message").GetString()!))],
                shown.Reasons);
            Assert.Contains($"order status <span class=\"tag s-{status}\">{status}</span>", html, StringComparison.Ordinal);
            Assert.DoesNotContain("is not shown on this page yet", html, StringComparison.Ordinal);
        }

        var refusedHtml = await viewer.GetStringAsync($"/orders/{refused}");
        Assert.Equal(["party-not-approved", "quantity-exhausted"], Coverage(refusedHtml, 0).Reasons.Select(r => r.Code).Order(StringComparer.Ordinal));
        Assert.Empty(Coverage(await viewer.GetStringAsync($"/orders/{covered}"), 0).Reasons);
    }

    [Fact]
    public async Task The_order_trace_shows_a_coverage_without_a_license_and_each_partys_owners_with_the_orders_alerts_on_them()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var sales = await app.ClientForAsync(Role.Sales);
        var order = LicenseSamples.Order("OWN-1");
        order["parties"]![0]!["owners"] = new JsonArray(
            new JsonObject { ["name"] = "Sugon", ["country"] = "CN", ["percent"] = 30.5 },
            new JsonObject { ["name"] = "Meridian Orchard Holdings", ["country"] = "SG", ["percent"] = 20 });
        var orderId = await OrderIdAsync(sales, order, "t3");
        var viewer = await SignedInAsync(app, Role.Viewer);

        var html = await viewer.GetStringAsync($"/orders/{orderId}");
        var api = await Responses.JsonAsync(await app.AdminClient().GetAsync($"/api/orders/{orderId}"), HttpStatusCode.OK);
        var alerts = await Responses.JsonAsync(await app.AdminClient().GetAsync($"/api/alerts?orderId={orderId}"), HttpStatusCode.OK);

        // No license on record: not covered, no number, and nothing to link.
        var license = api.GetProperty("lines")[0].GetProperty("license");
        var shown = Coverage(html, 0);
        Assert.Equal(JsonValueKind.Null, license.GetProperty("number").ValueKind);
        Assert.Equal(("not-covered", null, null), (shown.Status, shown.Number, shown.Href));
        Assert.Equal(
            [.. license.GetProperty("reasons").EnumerateArray().Select(r => (r.GetProperty("code").GetString()!, r.GetProperty("message").GetString()!))],
            shown.Reasons);
        Assert.Equal("no-license", Assert.Single(shown.Reasons).Code);

        // Each owner's row: its share and the order's alerts raised on it (role "owner of buyer"), clear when none.
        var onOwners = alerts.EnumerateArray().Where(a => a.GetProperty("role").GetString() == "owner of buyer").ToList();
        Assert.NotEmpty(onOwners);
        Assert.All(onOwners, a => Assert.Equal("Sugon", a.GetProperty("partyName").GetString()));
        var sugon = OwnerRow(html, "Sugon");
        Assert.Contains("Sugon <span class=\"share\">(CN, 30.5%)</span>", sugon, StringComparison.Ordinal);
        Assert.Equal(
            [.. onOwners.Select(a => a.GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal)],
            Regex.Matches(sugon, "<a href=\"/alerts/(\\d+)\">").Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal));
        Assert.Equal(
            [.. onOwners.Select(a => a.GetProperty("status").GetString()!)],
            Regex.Matches(sugon, "<span class=\"tag a-([a-z-]+)\">").Select(m => m.Groups[1].Value));
        var unlisted = OwnerRow(html, "Meridian Orchard Holdings");
        Assert.Contains("(SG, 20%)", unlisted, StringComparison.Ordinal);
        Assert.Contains("<span class=\"tag d-clear\">clear</span>", unlisted, StringComparison.Ordinal);
        Assert.DoesNotContain("/alerts/", unlisted, StringComparison.Ordinal);
    }

    static async Task<long> OrderIdAsync(HttpClient sales, JsonObject order, string key) =>
        (await Responses.JsonAsync(await sales.SendAsync(LicenseSamples.PostOrder(order, key)), HttpStatusCode.Created)).GetProperty("id").GetInt64();

    /// <summary>The coverage the page shows for one line: status, license number and link, and the reasons (code, message).</summary>
    static (string? Status, string? Number, string? Href, List<(string Code, string Message)> Reasons) Coverage(string html, int line)
    {
        var section = Regex.Match(html, $"<section class=\"coverage\" data-line=\"{line}\"(.*?)</section>", RegexOptions.Singleline);
        Assert.True(section.Success, html);
        var text = section.Groups[1].Value;
        var status = Regex.Match(text, "<span class=\"tag c-([a-z-]+)\">");
        var link = Regex.Match(text, "<a class=\"license\" href=\"([^\"]+)\">([^<]*)</a>");
        var plain = Regex.Match(text, "<span class=\"license\">([^<]*)</span>");
        var number = link.Success ? link.Groups[2].Value : plain.Success ? plain.Groups[1].Value : null;
        List<(string, string)> reasons = [.. Regex.Matches(text, "<tr><td><code>([^<]*)</code></td><td class=\"wrap\">([^<]*)</td></tr>")
            .Select(m => (WebUtility.HtmlDecode(m.Groups[1].Value), WebUtility.HtmlDecode(m.Groups[2].Value)))];
        return (status.Success ? status.Groups[1].Value : null, number is null ? null : WebUtility.HtmlDecode(number), link.Success ? link.Groups[1].Value : null, reasons);
    }

    static string OwnerRow(string html, string owner)
    {
        var row = Regex.Match(html, $"<tr class=\"owner\" data-owner=\"{Regex.Escape(owner)}\">(.*?)</tr>", RegexOptions.Singleline);
        Assert.True(row.Success, html);
        return row.Groups[1].Value;
    }
}
