using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Clearance.Users;

namespace Clearance.Web.Tests.Pages;

public abstract partial class PagesTests<TDb>
{
    [Fact]
    public async Task The_license_page_shows_the_same_reserved_shipped_and_left_as_the_api_with_a_burn_down_the_orders_and_the_history()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var (licenseId, orderId) = await LicenseSamples.ShippedAsync(app);
        var viewer = await SignedInAsync(app, Role.Viewer);
        var auditor = await SignedInAsync(app, Role.Auditor);

        var html = await viewer.GetStringAsync($"/licenses/{licenseId}");
        var api = await Responses.JsonAsync(await app.AdminClient().GetAsync($"/api/licenses/{licenseId}"), HttpStatusCode.OK);
        var list = await viewer.GetStringAsync("/licenses");
        var audited = await auditor.GetStringAsync($"/licenses/{licenseId}");
        var missing = await viewer.GetAsync("/licenses/999999");

        var line = api.GetProperty("lines")[0];
        var row = Regex.Match(html, "<tr data-line=\"0\">(.*?)</tr>", RegexOptions.Singleline);
        Assert.True(row.Success, html);
        Assert.Equal(
            [.. new[] { "quantity", "quantityReserved", "quantityShipped", "quantityLeft" }.Select(p => Q(line.GetProperty(p).GetInt64())),
             .. new[] { "value", "valueReserved", "valueShipped", "valueLeft" }.Select(p => M(line.GetProperty(p).GetDecimal()))],
            Cells(row.Value));
        Assert.Equal(["1,000", "60", "40", "900", "12,000,000.00", "720,000.00", "480,000.00", "10,800,000.00"], Cells(row.Value));
        // The burn-down's table: 100 reserved on the day the order was matched, 40 of them shipped three days later.
        var days = Regex.Match(html, "<caption>Line 0 by day</caption>(.*?)</table>", RegexOptions.Singleline);
        Assert.True(days.Success, html);
        // Value as well: 100 units at 12,000 reserved, then 40 of them (480,000.00) shipped; left is the line's 12,000,000.00 less both.
        Assert.Equal(
            ["2026-06-01", "100", "0", "900", "1,200,000.00", "0.00", "10,800,000.00", "2026-06-04", "60", "40", "900", "720,000.00", "480,000.00", "10,800,000.00"],
            Regex.Matches(days.Value, "<td[^>]*>([^<]*)</td>").Select(m => m.Groups[1].Value));
        Assert.Contains("<title id=\"bd-title-0\">", html, StringComparison.Ordinal);
        Assert.Contains("<title id=\"bdv-title-0\">Line 0 (NVIDIA H20 (HGX H20)): value reserved, shipped and left in USD", html, StringComparison.Ordinal);
        Assert.Contains("Of 12,000,000.00 USD authorized, 720,000.00 are reserved, 480,000.00 shipped and 10,800,000.00 left after 2026-06-04.", html, StringComparison.Ordinal);
        Assert.Contains("<polyline class=\"series shipped\"", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/orders/{orderId}\">{orderId}</a>", html, StringComparison.Ordinal);
        Assert.Contains("<td>JIANGNAN INFERENCE SERVICES CO LTD</td><td>CN</td>", html, StringComparison.Ordinal);
        Assert.Matches("<td>revenue-share</td><td class=\"num\">0.15</td>", html);
        Assert.Contains("shown to auditors", html, StringComparison.Ordinal);
        Assert.Contains("<td>license.created</td>", audited, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/licenses/{licenseId}\">D1234567</a>", list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task The_obligations_page_shows_the_api_statement_of_the_quarter_and_records_a_payment_naming_a_bad_field()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        await LicenseSamples.ShippedAsync(app);
        var officer = await SignedInAsync(app, Role.ComplianceOfficer);
        var auditor = await SignedInAsync(app, Role.Auditor);
        var current = await officer.GetStringAsync("/obligations");

        var form = await officer.GetStringAsync("/obligations?quarter=2025Q3");
        var bad = await officer.PostAsync("/obligations?handler=Payment", Form(form, "D1234567", "2025Q3", "12,5", "2025-10-15", "TREAS-1"));
        var unknown = await officer.PostAsync("/obligations?handler=Payment", Form(form, "D0000000", "2025Q3", "100", "2025-10-15", "TREAS-1"));
        var posted = await officer.PostAsync("/obligations?handler=Payment", Form(form, "D1234567", "2025Q3", "100000.00", "2025-10-15", "TREAS-1"));
        var html = await auditor.GetStringAsync("/obligations?quarter=2025Q3");
        var statement = await Responses.JsonAsync(await app.AdminClient().GetAsync("/api/obligations/statement?quarter=2025Q3"), HttpStatusCode.OK);

        Assert.Contains("<input id=\"quarter\" name=\"quarter\" value=\"2026Q2\"", current, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("<strong>amount</strong>", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("<strong>license</strong>", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("Payment TREAS-1 of 100,000.00 recorded", await posted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var api = Assert.Single(statement.GetProperty("licenses").EnumerateArray());
        var row = Regex.Match(html, "<tr data-license=\"D1234567\">(.*?)</tr>", RegexOptions.Singleline);
        Assert.True(row.Success, html);
        Assert.Equal(
            [.. new[] { "invoiced", "obligation", "paid", "outstanding" }.Select(p => M(api.GetProperty(p).GetDecimal()))],
            [.. new[] { "invoiced", "obligation", "paid", "outstanding" }.Select(c => Regex.Match(row.Value, $"<td class=\"num {c}\">([^<]*)</td>").Groups[1].Value)]);
        Assert.Equal(["1,200,000.30", "180,000.05", "100,000.00", "80,000.05"],
            new[] { "invoiced", "obligation", "paid", "outstanding" }.Select(c => Regex.Match(row.Value, $"<td class=\"num {c}\">([^<]*)</td>").Groups[1].Value));
        Assert.Contains("<td>TREAS-1</td>", html, StringComparison.Ordinal);
        Assert.Contains("condition written on the license", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Record a payment", html, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(html, "<td>2025-09-17</td><td>D1234567</td>"));
    }

    [Fact]
    public async Task The_obligations_page_given_a_quarter_that_is_not_one_answers_400_naming_it()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var officer = await SignedInAsync(app, Role.ComplianceOfficer);

        var response = await officer.GetAsync("/obligations?quarter=2025Q5");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<strong>quarter</strong>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    static FormUrlEncodedContent Form(string page, string license, string quarter, string amount, string date, string reference) => new(new Dictionary<string, string>
    {
        ["license"] = license,
        ["paymentQuarter"] = quarter,
        ["amount"] = amount,
        ["date"] = date,
        ["reference"] = reference,
        ["__RequestVerificationToken"] = Token(page),
    });

    static string[] Cells(string row) => [.. Regex.Matches(row, "<td class=\"num\">([^<]*)</td>").Select(m => m.Groups[1].Value)];

    static string Q(long v) => v.ToString("#,##0", CultureInfo.InvariantCulture);

    static string M(decimal v) => v.ToString("#,##0.00", CultureInfo.InvariantCulture);
}
