using System.Net;
using Clearance.Tests.Databases;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Clearance.Web.Tests.Pages;

/// <summary>The service on Kestrel (a real browser cannot reach the in-memory test server) with Debian's Chromium
/// driven by Playwright; screenshots go to <c>screenshots/</c> in the test output folder.</summary>
sealed class BrowserSession : IAsyncDisposable
{
    static readonly string[] ChromiumArguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    readonly IPlaywright _playwright;

    BrowserSession(ClearanceApp app, string url, IPlaywright playwright, IBrowser browser)
    {
        App = app;
        Url = url;
        _playwright = playwright;
        Browser = browser;
    }

    public ClearanceApp App { get; }

    public string Url { get; }

    public IBrowser Browser { get; }

    /// <summary>How long an expectation or a navigation may take. The browser tests share two cores with the other test
    /// classes running in parallel, Chromium and the server; Playwright's defaults (5 s, 30 s) are met on an idle machine
    /// and missed on a loaded one.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    static BrowserSession() => Assertions.SetDefaultExpectTimeout((float)Patience.TotalMilliseconds);

    public static async Task<BrowserSession> StartAsync()
    {
        var app = await ClearanceApp.CreateAsync<SqliteDatabase>();
        app.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArguments,
        });
        return new BrowserSession(app, url, playwright, browser);
    }

    /// <summary>A new browser window (its own cookies) signed in as <paramref name="userName"/> with the keyboard.</summary>
    public async Task<IPage> SignInAsync(string userName, string password, string path = "/")
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = Url, ViewportSize = new() { Width = 1280, Height = 900 } });
        context.SetDefaultTimeout((float)Patience.TotalMilliseconds);
        context.SetDefaultNavigationTimeout((float)Patience.TotalMilliseconds);
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/sign-in"));
        // With the keyboard only, as a person who does not use a mouse: Tab to each field, type, Enter submits.
        await Accessibility.TabToAsync(page, "#userName");
        await page.Keyboard.TypeAsync(userName);
        await Accessibility.TabToAsync(page, "#password");
        await page.Keyboard.TypeAsync(password);
        await Assertions.Expect(page.Locator("#userName")).ToHaveValueAsync(userName);
        await Assertions.Expect(page.Locator("#password")).ToHaveValueAsync(password);
        await page.Keyboard.PressAsync("Enter");
        // The password hash is slow by design, and slower on a loaded machine: the session's patience applies.
        await Assertions.Expect(page.Locator("form.session")).ToContainTextAsync(userName);
        return page;
    }

    /// <summary>Enter on the focused link, then the page it leads to. A failure names the address the browser is at and
    /// the element that had the focus, rather than only that no navigation came.</summary>
    public static async Task FollowFocusedLinkAsync(IPage page, System.Text.RegularExpressions.Regex destination)
    {
        var focused = await page.EvaluateAsync<string>("() => document.activeElement?.outerHTML ?? '(none)'");
        await page.Keyboard.PressAsync("Enter");
        try
        {
            await Assertions.Expect(page).ToHaveURLAsync(destination);
        }
        catch (PlaywrightException e)
        {
            throw new Xunit.Sdk.XunitException($"Enter on {focused} did not lead to {destination}; the browser is at {page.Url}. {e.Message}");
        }
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await App.DisposeAsync();
    }
}
