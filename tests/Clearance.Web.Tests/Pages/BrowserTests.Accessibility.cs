using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Clearance.Users;
using Microsoft.Playwright;

namespace Clearance.Web.Tests.Pages;

public sealed partial class BrowserTests
{
    [Fact]
    public async Task Every_main_page_has_contrast_a_visible_focus_on_every_control_reached_by_tab_and_a_name_on_every_control()
    {
        await using var session = await BrowserSession.StartAsync();
        var app = session.App;
        var (licenseId, licensedOrder) = await LicenseSamples.ShippedAsync(app);
        var (_, salesKey) = await app.CreateUserAsync(Role.Sales, Password);
        var held = await Responses.JsonAsync(await app.ClientWithKey(salesKey).SendAsync(OrderSamples.Post(OrderSamples.Held, "a11y-held")), HttpStatusCode.Created);
        var heldId = held.GetProperty("id").GetInt64();
        var alerts = await Responses.JsonAsync(await app.AdminClient().GetAsync($"/api/alerts?orderId={heldId}"), HttpStatusCode.OK);
        var alertId = alerts.EnumerateArray().First().GetProperty("id").GetInt64();
        (await app.ClientWithKey(salesKey).PostAsJsonAsync("/api/parties", new { name = "Harbor Light Trading Pte. Ltd.", country = "SG", externalReference = "C-7001" })).EnsureSuccessStatusCode();
        var (officerName, _) = await app.CreateUserAsync(Role.ComplianceOfficer, Password);
        var (auditorName, _) = await app.CreateUserAsync(Role.Auditor, Password);

        var failures = new List<string>();
        var counts = new List<string>();
        async Task CheckAsync(IPage page, string path)
        {
            await page.GotoAsync(path);
            // Tab first, from the top of the freshly loaded page, before anything else moves the focus.
            var (stops, focus) = await Accessibility.TabThroughAsync(page);
            var (texts, contrast) = await Accessibility.ContrastAsync(page);
            var (controls, names) = await Accessibility.UnnamedControlsAsync(page);
            failures.AddRange(focus.Concat(contrast).Concat(names).Select(f => $"{path}: {f}"));
            counts.Add(string.Create(CultureInfo.InvariantCulture, $"{path}: {texts} texts, {stops} tab stops, {controls} controls"));
            if (texts < 5 || stops < 4 || controls < 4)
            {
                failures.Add($"{path}: too little checked ({texts} texts, {stops} tab stops, {controls} controls)");
            }
        }

        var anonymous = await (await session.Browser.NewContextAsync(new() { BaseURL = session.Url })).NewPageAsync();
        await CheckAsync(anonymous, "/sign-in");

        var officer = await session.SignInAsync(officerName, Password);
        foreach (var path in new[]
        {
            "/", "/orders", $"/orders/{heldId}", $"/orders/{licensedOrder}", "/alerts", $"/alerts/{alertId}", "/parties",
            "/licenses", $"/licenses/{licenseId}", "/obligations", "/catalog",
        })
        {
            await CheckAsync(officer, path);
        }

        await officer.GotoAsync("/parties");
        var party = await officer.Locator("#parties tbody a").First.GetAttributeAsync("href");
        await CheckAsync(officer, party!);

        var auditor = await session.SignInAsync(auditorName, Password);
        await CheckAsync(auditor, "/audit");

        Assert.True(failures.Count == 0, string.Join("\n", failures) + "\n\nChecked:\n" + string.Join("\n", counts));
    }

    [Fact]
    public async Task The_order_trace_shows_each_lines_coverage_and_each_partys_owners_with_their_screening_and_prints_on_a4()
    {
        await using var session = await BrowserSession.StartAsync();
        var app = session.App;
        var officerClient = await app.ClientForAsync(Role.ComplianceOfficer);
        var sales = await app.ClientForAsync(Role.Sales);
        var licenseId = await LicenseSamples.CreateAsync(officerClient, LicenseSamples.License());
        var covered = await CreatedIdAsync(sales, LicenseSamples.Order("TR-1", quantity: 100), "tr1");
        // More units than the license allows, and a buyer owned 30.5% by a listed entity.
        var order = LicenseSamples.Order("TR-2", quantity: 5000);
        order["parties"]![0]!["owners"] = new JsonArray(
            new JsonObject { ["name"] = "Sugon", ["country"] = "CN", ["percent"] = 30.5 },
            new JsonObject { ["name"] = "Meridian Orchard Holdings", ["country"] = "SG", ["percent"] = 20 });
        var refused = await CreatedIdAsync(sales, order, "tr2");
        var (viewerName, _) = await app.CreateUserAsync(Role.Viewer, Password);
        var page = await session.SignInAsync(viewerName, Password, $"/orders/{covered}");

        // Covered: the tag, the license linked, no reasons; the link opens the license.
        var api = await Responses.JsonAsync(await app.AdminClient().GetAsync($"/api/orders/{covered}"), HttpStatusCode.OK);
        Assert.Equal("covered", api.GetProperty("lines")[0].GetProperty("license").GetProperty("status").GetString());
        var coverage = page.Locator("section.coverage[data-line='0']");
        await Assertions.Expect(coverage.Locator(".tag")).ToHaveTextAsync("covered");
        await Assertions.Expect(coverage.Locator("table.reasons")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#coverage-summary")).ToContainTextAsync("1 of 1 license-required line covered");
        await coverage.GetByRole(AriaRole.Link, new() { Name = "D1234567" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/licenses/{licenseId}$"));
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("License D1234567");

        // Not covered: the tag and every reason the API gives, by code, in the browser.
        await page.GotoAsync($"/orders/{refused}");
        api = await Responses.JsonAsync(await app.AdminClient().GetAsync($"/api/orders/{refused}"), HttpStatusCode.OK);
        var license = api.GetProperty("lines")[0].GetProperty("license");
        Assert.Equal("not-covered", license.GetProperty("status").GetString());
        coverage = page.Locator("section.coverage[data-line='0']");
        await Assertions.Expect(coverage.Locator(".tag")).ToHaveTextAsync("not-covered");
        await Assertions.Expect(coverage.Locator("table.reasons tbody tr td:first-child")).ToHaveTextAsync(
            [.. license.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()!)]);
        Assert.Contains("quantity-exhausted", await coverage.Locator("table.reasons").InnerTextAsync(), StringComparison.Ordinal);

        // Each owner of the buyer: its share and its screening, the alerts the API lists on it linked.
        var alerts = await Responses.JsonAsync(await app.AdminClient().GetAsync($"/api/alerts?orderId={refused}"), HttpStatusCode.OK);
        var onSugon = alerts.EnumerateArray().Where(a => a.GetProperty("role").GetString() == "owner of buyer").ToList();
        Assert.NotEmpty(onSugon);
        var sugon = page.Locator("tr.owner[data-owner='Sugon']");
        await Assertions.Expect(sugon).ToContainTextAsync("owner of buyer");
        await Assertions.Expect(sugon).ToContainTextAsync("Sugon (CN, 30.5%)");
        await Assertions.Expect(sugon.Locator(".tag")).ToHaveTextAsync([.. onSugon.Select(a => a.GetProperty("status").GetString()!)]);
        await Assertions.Expect(sugon.Locator("a")).ToHaveCountAsync(onSugon.Count);
        var meridian = page.Locator("tr.owner[data-owner='Meridian Orchard Holdings']");
        await Assertions.Expect(meridian).ToContainTextAsync("(SG, 20%)");
        await Assertions.Expect(meridian.Locator(".tag")).ToHaveTextAsync("clear");
        await Assertions.Expect(meridian.Locator("a")).ToHaveCountAsync(0);
        await BrowserSession.ScreenshotAsync(page, "order-trace");

        // Printed on A4 (the printable width at 96 dpi with 1.5 cm margins): no navigation or forms, the coverage and the
        // owners on the page, nothing wider than the paper.
        await page.SetViewportSizeAsync(680, 1000);
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator("header.top")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("form:visible")).ToHaveCountAsync(0);
        await Assertions.Expect(coverage.Locator("table.reasons")).ToBeVisibleAsync();
        await Assertions.Expect(sugon).ToBeVisibleAsync();
        var overflow = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('main *')]
                .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
                .map(e => `${e.tagName.toLowerCase()}${e.className ? '.' + e.className : ''} to ${Math.round(e.getBoundingClientRect().right)}px`)
            """);
        Assert.True(overflow.Length == 0, "Wider than the printed page: " + string.Join("; ", overflow.Take(10)));
        await BrowserSession.ScreenshotAsync(page, "order-trace-print");
        Directory.CreateDirectory(BrowserSession.ScreenshotDirectory);
        var pdf = await page.PdfAsync(new()
        {
            Path = Path.Combine(BrowserSession.ScreenshotDirectory, "order-trace.pdf"),
            Format = "A4",
            Margin = new() { Top = "15mm", Bottom = "15mm", Left = "15mm", Right = "15mm" },
        });
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
    }

    static async Task<long> CreatedIdAsync(HttpClient sales, JsonObject order, string key) =>
        (await Responses.JsonAsync(await sales.SendAsync(LicenseSamples.PostOrder(order, key)), HttpStatusCode.Created)).GetProperty("id").GetInt64();
}
