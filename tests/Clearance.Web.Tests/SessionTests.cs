using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Clearance.Tests.Databases;
using Clearance.Users;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Clearance.Web.Tests;

public sealed class SqliteSessionTests : SessionTests<SqliteDatabase>;

public sealed class PostgresSessionTests : SessionTests<PostgresDatabase>;

public abstract class SessionTests<TDb>
    where TDb : ITestDatabase, new()
{
    static HttpClient Browser(ClearanceApp app) => app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });

    [Fact]
    public async Task A_browser_signs_in_with_a_password_and_is_known_until_it_signs_out()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var browser = Browser(app);

        var signIn = await browser.PostAsJsonAsync("/api/session", new { userName = "admin", password = ClearanceApp.AdminPassword });

        Assert.Equal(HttpStatusCode.NoContent, signIn.StatusCode);
        var cookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        var me = await browser.GetFromJsonAsync<JsonElement>("/api/session");
        Assert.Equal(("admin", "admin"), (me.GetProperty("userName").GetString(), me.GetProperty("role").GetString()));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/audit/verify")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await browser.DeleteAsync("/api/session")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/session")).StatusCode);
    }

    [Fact]
    public async Task A_signed_in_viewer_is_forbidden_what_its_role_does_not_allow()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var (userName, _) = await app.CreateUserAsync(Role.Viewer, password: "viewer password 1");
        var browser = Browser(app);

        (await browser.PostAsJsonAsync("/api/session", new { userName, password = "viewer password 1" })).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync("/api/audit/verify")).StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_or_unknown_user_gets_401_and_no_cookie()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var browser = Browser(app);

        var wrong = await browser.PostAsJsonAsync("/api/session", new { userName = "admin", password = "not the password" });
        var unknown = await browser.PostAsJsonAsync("/api/session", new { userName = "nobody", password = ClearanceApp.AdminPassword });

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.False(wrong.Headers.Contains("Set-Cookie"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/session")).StatusCode);
    }

    [Fact]
    public async Task A_cookie_from_one_instance_is_accepted_by_another_on_the_same_database()
    {
        await using var first = await ClearanceApp.CreateAsync<TDb>();
        await using var second = first.SecondInstance();
        var signIn = await Browser(first).PostAsJsonAsync("/api/session", new { userName = "admin", password = ClearanceApp.AdminPassword });
        var cookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie")).Split(';')[0];

        var request = new HttpRequestMessage(HttpMethod.Get, "/api/session");
        request.Headers.Add("Cookie", cookie);
        var response = await second.AnonymousClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(0, await first.QueryAsync(db => db.DataProtectionKeys.CountAsync()));
    }

    [Fact]
    public async Task A_role_changed_on_another_instance_applies_to_a_signed_in_browsers_next_request()
    {
        await using var first = await ClearanceApp.CreateAsync<TDb>();
        await using var second = first.SecondInstance();
        var (userName, _) = await first.CreateUserAsync(Role.Sales, password: "sales password 1");
        var browser = Browser(first);
        (await browser.PostAsJsonAsync("/api/session", new { userName, password = "sales password 1" })).EnsureSuccessStatusCode();
        Assert.Equal("sales", (await browser.GetFromJsonAsync<JsonElement>("/api/session")).GetProperty("role").GetString());
        Assert.Equal(HttpStatusCode.Created, (await browser.SendAsync(OrderSamples.Post(OrderSamples.Held, "before-demotion"))).StatusCode);

        (await second.AdminClient().PutAsJsonAsync($"/api/users/{userName}/role", new { role = "viewer" })).EnsureSuccessStatusCode();

        var me = await browser.GetAsync("/api/session");
        Assert.Equal("viewer", (await me.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("role").GetString());
        Assert.Contains(me.Headers.GetValues("Set-Cookie"), c => c.StartsWith("clearance=", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.SendAsync(OrderSamples.Post(OrderSamples.Held, "after-demotion"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/orders")).StatusCode);
    }
}
