using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Clearance.Rules;
using Clearance.Tests.Databases;
using Clearance.Users;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Clearance.Web.Tests.Pages;

public sealed class SqlitePagesTests : PagesTests<SqliteDatabase>;

public sealed class PostgresPagesTests : PagesTests<PostgresDatabase>;

public abstract partial class PagesTests<TDb>
    where TDb : ITestDatabase, new()
{
    const string Password = "a password for page tests";

    static readonly Role[] Everyone = [Role.Viewer, Role.Sales, Role.ComplianceOfficer, Role.Auditor, Role.Admin];

    /// <summary>Every page and who may open it; the others are sent to /forbidden, people not signed in to /sign-in.</summary>
    static readonly (string Path, Role[] Allowed)[] Matrix =
    [
        ("/", Everyone),
        ("/orders", Everyone),
        ("/orders/1", Everyone),
        ("/alerts", Everyone),
        ("/alerts/1", Everyone),
        ("/parties", Everyone),
        ("/catalog", Everyone),
        ("/licenses", Everyone),
        ("/obligations", [Role.ComplianceOfficer, Role.Auditor, Role.Admin]),
        ("/audit", [Role.Auditor, Role.Admin]),
    ];

    [Fact]
    public async Task Every_page_sends_people_not_signed_in_to_sign_in_and_other_roles_to_forbidden()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var (_, salesKey) = await app.CreateUserAsync(Role.Sales);
        (await app.ClientWithKey(salesKey).SendAsync(OrderSamples.Post(OrderSamples.Held, "pages-1"))).EnsureSuccessStatusCode();
        var browsers = new Dictionary<Role, HttpClient>();
        foreach (var role in Everyone)
        {
            browsers[role] = await SignedInAsync(app, role);
        }

        var failures = new List<string>();
        foreach (var (path, allowed) in Matrix)
        {
            var anonymous = await Browser(app).GetAsync(path);
            if (anonymous.StatusCode != HttpStatusCode.Redirect || anonymous.Headers.Location?.OriginalString.Contains("/sign-in", StringComparison.Ordinal) != true)
            {
                failures.Add($"{path} anonymous: {(int)anonymous.StatusCode} {anonymous.Headers.Location}");
            }

            foreach (var role in Everyone)
            {
                var response = await browsers[role].GetAsync(path);
                var expected = allowed.Contains(role) ? "200" : "302 /forbidden";
                var actual = response.StatusCode == HttpStatusCode.Redirect
                    ? $"302 {response.Headers.Location?.AbsolutePath ?? response.Headers.Location?.OriginalString.Split('?')[0]}"
                    : ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
                if (actual != expected)
                {
                    failures.Add($"{path} as {role.Name()}: expected {expected}, got {actual}");
                }
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task The_server_refuses_a_release_from_the_order_page_to_a_role_that_may_not_release_even_without_the_button()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var (_, salesKey) = await app.CreateUserAsync(Role.Sales);
        (await app.ClientWithKey(salesKey).SendAsync(OrderSamples.Post(OrderSamples.Held, "pages-2"))).EnsureSuccessStatusCode();
        var viewer = await SignedInAsync(app, Role.Viewer);
        var page = await viewer.GetStringAsync("/orders/1");
        Assert.DoesNotContain("Release the hold", page, StringComparison.Ordinal);

        var response = await viewer.PostAsync("/orders/1?handler=Release", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["reason"] = "no reason",
            ["__RequestVerificationToken"] = Token(page),
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/forbidden", response.Headers.Location!.AbsolutePath);
        var order = await (await app.AdminClient().GetAsync("/api/orders/1")).Content.ReadFromJsonAsync<OrderStatusView>();
        Assert.Equal("held", order!.Status);
    }

    [Fact]
    public async Task A_form_posted_without_its_anti_forgery_token_is_refused()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var (_, salesKey) = await app.CreateUserAsync(Role.Sales);
        (await app.ClientWithKey(salesKey).SendAsync(OrderSamples.Post(OrderSamples.Held, "pages-3"))).EnsureSuccessStatusCode();
        var officer = await SignedInAsync(app, Role.ComplianceOfficer);

        var response = await officer.PostAsync("/orders/1?handler=Release", new FormUrlEncodedContent(new Dictionary<string, string> { ["reason"] = "forged" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var order = await (await app.AdminClient().GetAsync("/api/orders/1")).Content.ReadFromJsonAsync<OrderStatusView>();
        Assert.Equal("held", order!.Status);
    }

    [Theory]
    [InlineData("/orders?status=bogus", "status")]
    [InlineData("/orders?from=2025-13-01", "from")]
    [InlineData("/orders?from=2025-02-01&to=2025-01-01", "to")]
    [InlineData("/orders?sort=price", "sort")]
    [InlineData("/orders?page=0", "page")]
    [InlineData("/alerts?status=closed", "status")]
    [InlineData("/parties?country=china", "country")]
    [InlineData("/catalog?date=2025-02-30", "date")]
    [InlineData("/catalog?chip=No+such+chip", "chip")]
    [InlineData("/audit?from=yesterday", "from")]
    public async Task A_page_given_bad_input_answers_400_and_names_the_field(string path, string field)
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var admin = await SignedInAsync(app, Role.Admin);

        var response = await admin.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"<strong>{field}</strong>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_order_list_pages_and_sorts_on_the_server_and_filters_by_order_id()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var (_, salesKey) = await app.CreateUserAsync(Role.Sales);
        var sales = app.ClientWithKey(salesKey);
        string[] references = ["PG-C", "PG-A", "PG-E", "PG-B", "PG-D"];
        foreach (var reference in references)
        {
            (await sales.SendAsync(OrderSamples.Post(OrderSamples.Cleared.Replace("EX-02", reference, StringComparison.Ordinal), reference))).EnsureSuccessStatusCode();
        }

        (await sales.SendAsync(OrderSamples.Post(OrderSamples.Held, "other"))).EnsureSuccessStatusCode();
        var viewer = await SignedInAsync(app, Role.Viewer);

        Assert.Equal(["PG-A", "PG-B", "PG-C", "PG-D", "PG-E"], References(await viewer.GetStringAsync("/orders?reference=PG-&sort=reference&dir=asc")));
        Assert.Equal(["PG-E", "PG-D", "PG-C", "PG-B", "PG-A"], References(await viewer.GetStringAsync("/orders?reference=PG-&sort=reference&dir=desc")));
        Assert.Equal(["EX-10", "PG-D", "PG-B", "PG-E", "PG-A", "PG-C"], References(await viewer.GetStringAsync("/orders")));
        Assert.Equal(["EX-10"], References(await viewer.GetStringAsync("/orders?status=held")));
    }

    [Fact]
    public async Task Editing_a_party_on_its_page_records_its_owners_and_screens_them_and_the_party_list_shows_them()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var (_, salesKey) = await app.CreateUserAsync(Role.Sales);
        var created = await (await app.ClientWithKey(salesKey).PostAsJsonAsync("/api/parties", new { name = "Harbor Light Trading Pte. Ltd.", country = "SG" })).Content.ReadFromJsonAsync<IdView>();
        var sales = await SignedInAsync(app, Role.Sales);
        var path = $"/parties/{created!.Id.ToString(CultureInfo.InvariantCulture)}";
        var form = new Dictionary<string, string>
        {
            ["name"] = "Harbor Light Trading Pte. Ltd.",
            ["country"] = "SG",
            ["Owners[0].Name"] = "Sugon",
            ["Owners[0].Country"] = "CN",
            ["Owners[0].Percent"] = "30",
            ["Owners[1].Name"] = "Meridian Orchard Holdings",
            ["Owners[1].Percent"] = "twenty",
        };

        form["__RequestVerificationToken"] = Token(await sales.GetStringAsync(path));
        var refused = await sales.PostAsync(path, new FormUrlEncodedContent(form));
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        form["Owners[1].Percent"] = "";
        form["__RequestVerificationToken"] = Token(refusedHtml);
        var saved = await sales.PostAsync(path, new FormUrlEncodedContent(form));
        var html = await saved.Content.ReadAsStringAsync();
        var list = await sales.GetStringAsync("/parties");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("<strong>owners[1].percent</strong>", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"twenty\"", refusedHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Matches("Saved and screened again: [1-9]\\d* new alert", html);
        var owners = html[html.IndexOf("<table id=\"owners\"", StringComparison.Ordinal)..];
        owners = owners[..owners.IndexOf("</table>", StringComparison.Ordinal)];
        Assert.Matches("<td>Sugon</td>\\s*<td>CN</td>\\s*<td class=\"num\">30%</td>\\s*<td class=\"wrap\">\\s*<span class=\"tag a-open\">open</span>", owners);
        Assert.Matches("<td>Meridian Orchard Holdings</td>\\s*<td>unknown</td>\\s*<td class=\"num\">unknown</td>\\s*<td class=\"wrap\">\\s*<span class=\"tag d-clear\">clear</span>", owners);
        Assert.Contains("id=\"listed-owners\"", html, StringComparison.Ordinal);
        Assert.Contains("<td>Sugon (CN, 30%); Meridian Orchard Holdings</td>", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_party_list_counts_and_pages_every_party_on_the_server_by_name()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        await app.QueryAsync(async db =>
        {
            var at = new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc);
            // More than the API's list cap (1,000), added newest-last in an order that is not the names' order.
            for (var i = 0; i < 1030; i++)
            {
                var name = $"Party {(i * 7) % 1030:D4}";
                db.Parties.Add(new Clearance.Parties.Party
                {
                    Name = name,
                    Country = "SG",
                    SubjectKey = $"s{i}",
                    NameKey = $"n{i}",
                    CreatedBy = "seed",
                    CreatedAt = at,
                    UpdatedBy = "seed",
                    UpdatedAt = at,
                    ScreenedAt = at,
                    ListVersionHash = "seed",
                });
            }

            return await db.SaveChangesAsync();
        });
        var viewer = await SignedInAsync(app, Role.Viewer);

        var first = await viewer.GetStringAsync("/parties");
        var last = await viewer.GetStringAsync("/parties?page=21");

        Assert.Contains("1,030 parties", first, StringComparison.Ordinal);
        Assert.Equal([.. Enumerable.Range(0, 50).Select(i => $"Party {i:D4}")], PartyNames(first));
        Assert.Equal([.. Enumerable.Range(1000, 30).Select(i => $"Party {i:D4}")], PartyNames(last));
    }

    [Fact]
    public async Task The_licenses_page_lists_each_application_with_its_state_and_links_to_its_filing_package()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var (_, officerKey) = await app.CreateUserAsync(Role.ComplianceOfficer);
        var officer = app.ClientWithKey(officerKey);
        var created = await officer.PostAsJsonAsync("/api/license-applications", new
        {
            applicant = "NVIDIA",
            destination = "CN",
            endUse = "datacenter",
            items = new[] { new { item = "NVIDIA H200 SXM 141GB", quantity = 10, unitPrice = 30000 } },
            parties = new[] { new { role = "buyer", name = "Jiangnan Inference Services Co., Ltd.", country = "CN" } },
        });
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<IdView>())!.Id.ToString(CultureInfo.InvariantCulture);
        (await officer.PostAsync($"/api/license-applications/{id}/submit", null)).EnsureSuccessStatusCode();
        var viewer = await SignedInAsync(app, Role.Viewer);

        var html = await viewer.GetStringAsync("/licenses");

        var row = Regex.Match(html, $"<tr data-application=\"{id}\">(.*?)</tr>", RegexOptions.Singleline);
        Assert.True(row.Success, html);
        Assert.Contains("<span class=\"tag application-state\">submitted</span>", row.Value, StringComparison.Ordinal);
        Assert.Contains($"href=\"/api/license-applications/{id}/package\"", row.Value, StringComparison.Ordinal);
        Assert.Contains("Jiangnan Inference Services Co., Ltd. (clear)", row.Value, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await viewer.GetAsync($"/api/license-applications/{id}/package")).StatusCode);
    }

    static HttpClient Browser(ClearanceApp app) => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    static async Task<HttpClient> SignedInAsync(ClearanceApp app, Role role)
    {
        var (userName, _) = await app.CreateUserAsync(role, Password);
        var browser = Browser(app);
        (await browser.PostAsJsonAsync("/api/session", new { userName, password = Password })).EnsureSuccessStatusCode();
        return browser;
    }

    static string Token(string html) => AntiForgeryToken().Match(html).Groups[1].Value;

    static string[] PartyNames(string html) => [.. PartyRow().Matches(html).Select(m => m.Groups[1].Value)];

    static string[] References(string html) => [.. OrderRow().Matches(html).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiForgeryToken();

    [GeneratedRegex("<td><a href=\"/parties/\\d+\">([^<]*)</a></td>")]
    private static partial Regex PartyRow();

    [GeneratedRegex("<td class=\"num\"><a href=\"/orders/\\d+\">\\d+</a></td>\\s*<td>([^<]*)</td>")]
    private static partial Regex OrderRow();

    sealed record OrderStatusView(string Status);

    sealed record IdView(long Id);
}
