using System.Text.RegularExpressions;
using Clearance.Users;
using System.Net.Http.Json;
using Microsoft.Playwright;

namespace Clearance.Web.Tests.Pages;

/// <summary>People's work through the pages, in Chromium, on SQLite.</summary>
public sealed partial class BrowserTests
{
    const string Password = "a password for browser tests";

    [Fact]
    public async Task An_officer_works_a_held_order_from_alert_to_disposition_and_a_second_officer_releases_it()
    {
        await using var session = await BrowserSession.StartAsync();
        var app = session.App;
        var (submitter, salesKey) = await app.CreateUserAsync(Role.Sales, Password);
        var (first, _) = await app.CreateUserAsync(Role.ComplianceOfficer, Password);
        var (second, _) = await app.CreateUserAsync(Role.ComplianceOfficer, Password);
        var response = await app.ClientWithKey(salesKey).SendAsync(OrderSamples.Post(OrderSamples.Held, "browser-held"));
        response.EnsureSuccessStatusCode();
        var orderId = (await response.Content.ReadFromJsonAsync<OrderId>())!.Id;

        var officer = await session.SignInAsync(first, Password);
        await Assertions.Expect(officer.Locator("h1")).ToHaveTextAsync("Dashboard");
        await Assertions.Expect(officer.GetByRole(AriaRole.Link, new() { Name = "1 held" })).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(officer, "dashboard");

        // The first alert is worked with the keyboard only: the skip link, the menu, the queue, the form.
        await officer.Keyboard.PressAsync("Tab");
        await Assertions.Expect(officer.Locator("a.skip")).ToBeFocusedAsync();
        await Assertions.Expect(officer.Locator("a.skip")).ToBeInViewportAsync();
        await officer.Keyboard.PressAsync("Enter");
        await Assertions.Expect(officer.Locator("main#main")).ToBeFocusedAsync();
        await Accessibility.TabToAsync(officer, "nav a[href='/alerts']");
        await BrowserSession.FollowFocusedLinkAsync(officer, new Regex("/alerts$"));
        await BrowserSession.ScreenshotAsync(officer, "alerts");
        await Accessibility.TabToAsync(officer, "#alerts tbody a");
        await BrowserSession.FollowFocusedLinkAsync(officer, new Regex("/alerts/[0-9]+$"));
        await Assertions.Expect(officer.Locator("mark").First).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(officer, "alert");
        await Accessibility.TabToAsync(officer, "input[name=disposition][value=false-positive]");
        await officer.Keyboard.PressAsync("Space");
        await Assertions.Expect(officer.GetByLabel("False positive")).ToBeCheckedAsync();
        await Accessibility.TabToAsync(officer, "#reason");
        await officer.Keyboard.TypeAsync("Registry number differs from the listed entity's");
        await Accessibility.TabToAsync(officer, "section[aria-labelledby=disposition] button[type=submit]");
        await officer.Keyboard.PressAsync("Enter");
        await Assertions.Expect(officer.GetByRole(AriaRole.Status)).ToHaveTextAsync("Recorded: false-positive.");
        await Assertions.Expect(officer.Locator("table").Last).ToContainTextAsync("alert.dispositioned");

        // A release needs every alert of the order dispositioned: the order's other open alerts are worked the same way.
        await officer.GotoAsync("/alerts");
        while (await officer.Locator("#alerts tbody a").CountAsync() > 0)
        {
            await officer.Locator("#alerts tbody a").First.ClickAsync();
            await officer.GetByLabel("False positive").CheckAsync();
            await officer.GetByLabel("Reason").FillAsync("Registry number differs from the listed entity's");
            await officer.GetByRole(AriaRole.Button, new() { Name = "Record disposition" }).ClickAsync();
            await Assertions.Expect(officer.GetByRole(AriaRole.Status)).ToHaveTextAsync("Recorded: false-positive.");
            await officer.GotoAsync("/alerts");
        }

        var seller = await session.SignInAsync(submitter, Password, $"/orders/{orderId}");
        await Assertions.Expect(seller.Locator("h1")).ToContainTextAsync("held");
        await Assertions.Expect(seller.GetByRole(AriaRole.Button, new() { Name = "Release" })).ToHaveCountAsync(0);

        var releaser = await session.SignInAsync(second, Password, "/orders?status=held");
        await releaser.GetByRole(AriaRole.Link, new() { Name = orderId.ToString(System.Globalization.CultureInfo.InvariantCulture), Exact = true }).ClickAsync();
        await Assertions.Expect(releaser.Locator("h1")).ToContainTextAsync("EX-10");
        await Assertions.Expect(releaser.Locator("section.line")).ToContainTextAsync("Performance density");
        await BrowserSession.ScreenshotAsync(releaser, "order");
        // Released with the keyboard only.
        await Accessibility.TabToAsync(releaser, "#reason");
        await releaser.Keyboard.TypeAsync("Alert dispositioned false positive; end-use statement on file");
        await Accessibility.TabToAsync(releaser, "section[aria-labelledby=release] button[type=submit]");
        await releaser.Keyboard.PressAsync("Enter");
        await Assertions.Expect(releaser.GetByRole(AriaRole.Status)).ToHaveTextAsync("Released.");
        await Assertions.Expect(releaser.Locator("h1")).ToContainTextAsync("released");
        await Assertions.Expect(releaser.Locator("dl.facts").First).ToContainTextAsync($"by {second}");

        await releaser.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(releaser.Locator("header.top")).ToBeHiddenAsync();
        await Assertions.Expect(releaser.Locator("section.line").First).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(releaser, "order-print");
    }

    [Fact]
    public async Task Sales_records_a_partys_owners_on_its_page_and_a_listed_owner_shows_as_an_alert_on_the_party()
    {
        await using var session = await BrowserSession.StartAsync();
        var app = session.App;
        var (seller, salesKey) = await app.CreateUserAsync(Role.Sales, Password);
        var (officerName, _) = await app.CreateUserAsync(Role.ComplianceOfficer, Password);
        (await app.ClientWithKey(salesKey).PostAsJsonAsync("/api/parties", new { name = "Harbor Light Trading Pte. Ltd.", country = "SG", externalReference = "C-7001" })).EnsureSuccessStatusCode();

        var page = await session.SignInAsync(seller, Password, "/parties");
        await page.GetByRole(AriaRole.Link, new() { Name = "Harbor Light Trading Pte. Ltd." }).ClickAsync();
        await Assertions.Expect(page.Locator("#owners-none")).ToBeVisibleAsync();
        await page.GetByLabel("Owner 1 name").FillAsync("Sugon");
        await page.GetByLabel("Owner 1 country").FillAsync("CN");
        await page.GetByLabel("Owner 1 share in percent").FillAsync("30");
        await page.GetByLabel("Owner 2 name").FillAsync("Meridian Orchard Holdings");
        await page.GetByLabel("Owner 2 country").FillAsync("SG");
        await page.GetByLabel("Owner 2 share in percent").FillAsync("25");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and screen again" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(new Regex("Saved and screened again: [1-9][0-9]* new alert"));
        var sugon = page.Locator("#owners tbody tr").Filter(new() { HasText = "Sugon" });
        await Assertions.Expect(sugon).ToContainTextAsync("30%");
        await Assertions.Expect(sugon.Locator(".tag").First).ToHaveTextAsync("open");
        await Assertions.Expect(page.Locator("#owners tbody tr").Filter(new() { HasText = "Meridian" }).Locator(".tag")).ToHaveTextAsync("clear");
        await Assertions.Expect(page.Locator("#listed-owners")).ToContainTextAsync("30%");
        await Assertions.Expect(page.GetByLabel("Owner 3 name")).ToBeEmptyAsync();
        await BrowserSession.ScreenshotAsync(page, "party");
        await page.GetByRole(AriaRole.Link, new() { Name = "← Parties" }).ClickAsync();
        await Assertions.Expect(page.Locator("#parties")).ToContainTextAsync("Sugon (CN, 30%); Meridian Orchard Holdings (SG, 25%)");
        await Assertions.Expect(page.Locator("#parties .tag")).ToHaveTextAsync(new Regex("open"));
        await BrowserSession.ScreenshotAsync(page, "parties");

        var officer = await session.SignInAsync(officerName, Password, "/parties");
        await officer.GetByRole(AriaRole.Link, new() { Name = "Harbor Light Trading Pte. Ltd." }).ClickAsync();
        await officer.Locator("#owners tbody tr").Filter(new() { HasText = "Sugon" }).Locator("a").First.ClickAsync();
        await Assertions.Expect(officer.Locator("main > p").Nth(1)).ToContainTextAsync("an owner of party");
        await Assertions.Expect(officer.Locator("mark").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_catalog_chart_redraws_its_control_regions_for_another_date_and_shows_a_chip_across_vintages()
    {
        await using var session = await BrowserSession.StartAsync();
        var (viewer, _) = await session.App.CreateUserAsync(Role.Viewer, Password);
        var page = await session.SignInAsync(viewer, Password, "/catalog?date=2023-06-01");
        await Assertions.Expect(page.Locator("#vintage")).ToContainTextAsync("2022-10-07");
        await Assertions.Expect(page.Locator("#china-region rect")).ToHaveCountAsync(0);
        var before = await page.Locator("#chart .regions").InnerHTMLAsync();
        Assert.Contains("r-3A090", before, StringComparison.Ordinal);
        Assert.DoesNotContain("r-3A090-a", before, StringComparison.Ordinal);
        await BrowserSession.ScreenshotAsync(page, "catalog-2023");

        await page.GetByLabel("Rules in force on").FillAsync("2026-02-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Redraw" }).ClickAsync();
        await Assertions.Expect(page.Locator("#chart")).ToHaveAttributeAsync("data-date", "2026-02-01");
        await Assertions.Expect(page.Locator("#vintage")).ToContainTextAsync("2026-01-15");
        var after = await page.Locator("#chart .regions").InnerHTMLAsync();
        Assert.Contains("r-3A090-a", after, StringComparison.Ordinal);
        Assert.Contains("r-3A090-b", after, StringComparison.Ordinal);
        Assert.True(await page.Locator("#china-region rect").CountAsync() > 0, "the January 2026 case-by-case region is drawn");
        await Assertions.Expect(page.Locator("#china-legend")).ToContainTextAsync("91 FR 1684");
        await Assertions.Expect(page.Locator("#chart polygon.chip.cn").First).ToBeAttachedAsync();
        await Assertions.Expect(page.Locator("#chart circle.chip.us").First).ToBeAttachedAsync();
        await BrowserSession.ScreenshotAsync(page, "catalog");
        await page.Locator("figure.chart").ScreenshotAsync(new() { Path = Path.Combine(BrowserSession.ScreenshotDirectory, "catalog-chart.png") });

        await page.Locator("#chart a[aria-label^='NVIDIA H20 ']").ClickAsync();
        await Assertions.Expect(page.Locator("#chip-title")).ToHaveTextAsync("NVIDIA H20 (HGX H20)");
        await Assertions.Expect(page.Locator("#history tbody tr")).ToHaveCountAsync(VintageCount);
        await Assertions.Expect(page.Locator("#envelope")).ToContainTextAsync("3A090");
        await BrowserSession.ScreenshotAsync(page, "catalog-chip");
    }

    [Fact]
    public async Task An_auditor_verifies_the_audit_log_and_a_viewer_may_not_open_it()
    {
        await using var session = await BrowserSession.StartAsync();
        var (auditor, _) = await session.App.CreateUserAsync(Role.Auditor, Password);
        var (viewer, _) = await session.App.CreateUserAsync(Role.Viewer, Password);
        var page = await session.SignInAsync(auditor, Password, "/audit");
        // Newest first: the auditor's own sign-in is the latest event.
        await Assertions.Expect(page.Locator("#events tbody tr").First).ToContainTextAsync("session.started");
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify the chain" }).ClickAsync();
        await Assertions.Expect(page.Locator("#verify-status")).ToContainTextAsync("The chain holds");
        Assert.Matches(HexHash(), await page.Locator("#head-hash").InnerTextAsync());
        await BrowserSession.ScreenshotAsync(page, "audit");

        var other = await session.SignInAsync(viewer, Password, "/");
        await other.GotoAsync("/audit");
        await Assertions.Expect(other).ToHaveURLAsync(new Regex("/forbidden"));
        await Assertions.Expect(other.GetByRole(AriaRole.Link, new() { Name = "Audit" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task An_officer_opens_a_licenses_burn_down_from_the_list_and_records_a_payment_on_the_obligations_page()
    {
        await using var session = await BrowserSession.StartAsync();
        var (officerName, _) = await session.App.CreateUserAsync(Role.ComplianceOfficer, Password);
        await LicenseSamples.ShippedAsync(session.App);

        var page = await session.SignInAsync(officerName, Password, "/licenses");
        await page.GetByRole(AriaRole.Link, new() { Name = "D1234567" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("License D1234567");
        await Assertions.Expect(page.Locator("#lines tbody tr").First).ToContainTextAsync("900");
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { NameRegex = new Regex("Line 0 .*units reserved, shipped and left") })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { NameRegex = new Regex("Line 0 .*value reserved, shipped and left in USD") })).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "license");

        await page.GetByRole(AriaRole.Link, new() { Name = "Obligations", Exact = true }).ClickAsync();
        await page.GetByLabel("Quarter (e.g. 2025Q3)").FillAsync("2025Q3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(page.Locator("#statement tbody tr").First.Locator(".outstanding")).ToHaveTextAsync("180,000.05");
        await page.GetByLabel("License number").FillAsync("D1234567");
        await page.GetByLabel("Amount, in the license's currency").FillAsync("100000.00");
        await page.GetByLabel("Payment date (YYYY-MM-DD)").FillAsync("2025-10-15");
        await page.GetByLabel("Reference").FillAsync("TREAS-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the payment" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Payment TREAS-1 of 100,000.00 recorded");
        await Assertions.Expect(page.Locator("#statement tbody tr").First.Locator(".outstanding")).ToHaveTextAsync("80,000.05");
        await BrowserSession.ScreenshotAsync(page, "obligations");
    }

    /// <summary>Every vintage of the shipped rules: the chip's history has a row for each.</summary>
    static int VintageCount { get; } = ClearanceData.Load(ClearanceData.DefaultDirectory).Regulation.Vintages.Count;

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex HexHash();

    sealed record OrderId(long Id);
}
