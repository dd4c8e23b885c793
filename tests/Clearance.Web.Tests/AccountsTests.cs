using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Clearance.Tests.Databases;
using Clearance.Users;
using Clearance.Web.Hosting;
using Clearance.Web.Users;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Clearance.Web.Tests;

public sealed class SqliteAccountsTests : AccountsTests<SqliteDatabase>;

public sealed class PostgresAccountsTests : AccountsTests<PostgresDatabase>;

/// <summary>Sessions end on the server, passwords change, users are disabled, guessing is slowed down, and the last admin stays.</summary>
public abstract class AccountsTests<TDb>
    where TDb : ITestDatabase, new()
{
    const string Password = "first password 1";

    static HttpClient Browser(ClearanceApp app, string baseAddress = "http://localhost") =>
        app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, BaseAddress = new Uri(baseAddress) });

    static async Task<string> SignInAsync(ClearanceApp app, string userName, string password)
    {
        var response = await app.AnonymousClient().PostAsJsonAsync("/api/session", new { userName, password });
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        return Assert.Single(response.Headers.GetValues("Set-Cookie")).Split(';')[0];
    }

    static Task<HttpResponseMessage> WithCookieAsync(ClearanceApp app, HttpMethod method, string path, string cookie, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("Cookie", cookie);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return app.AnonymousClient().SendAsync(request);
    }

    [Fact]
    public async Task Signing_out_ends_the_session_on_the_server_so_a_kept_copy_of_the_cookie_is_refused()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var cookie = await SignInAsync(app, "admin", ClearanceApp.AdminPassword);
        Assert.Equal(HttpStatusCode.OK, (await WithCookieAsync(app, HttpMethod.Get, "/api/session", cookie)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await WithCookieAsync(app, HttpMethod.Delete, "/api/session", cookie)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await WithCookieAsync(app, HttpMethod.Get, "/api/session", cookie)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await WithCookieAsync(app, HttpMethod.Get, "/api/audit/verify", cookie)).StatusCode);
        Assert.Equal(1, await app.QueryAsync(db => db.AuditEvents.CountAsync(e => e.Action == "session.ended")));
    }

    [Fact]
    public async Task A_password_change_needs_the_current_password_and_ends_the_users_other_sessions()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var (userName, _) = await app.CreateUserAsync(Role.Viewer, Password);
        var here = await SignInAsync(app, userName, Password);
        var elsewhere = await SignInAsync(app, userName, Password);

        var wrong = await WithCookieAsync(app, HttpMethod.Put, "/api/session/password", here, new { currentPassword = "not my password", newPassword = "second password 2" });
        var tooShort = await WithCookieAsync(app, HttpMethod.Put, "/api/session/password", here, new { currentPassword = Password, newPassword = "short" });
        var changed = await WithCookieAsync(app, HttpMethod.Put, "/api/session/password", here, new { currentPassword = Password, newPassword = "second password 2" });

        Assert.True((await Responses.JsonAsync(wrong, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("currentPassword", out _));
        Assert.True((await Responses.JsonAsync(tooShort, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("newPassword", out _));
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await WithCookieAsync(app, HttpMethod.Get, "/api/session", here)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await WithCookieAsync(app, HttpMethod.Get, "/api/session", elsewhere)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.AnonymousClient().PostAsJsonAsync("/api/session", new { userName, password = Password })).StatusCode);
        await SignInAsync(app, userName, "second password 2");
        Assert.Equal(1, await app.QueryAsync(db => db.AuditEvents.CountAsync(e => e.Action == "user.password-changed" && e.EntityId == userName)));
    }

    [Fact]
    public async Task A_disabled_user_cannot_sign_in_use_its_key_or_keep_its_session_until_it_is_enabled_again()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var (userName, key) = await app.CreateUserAsync(Role.Viewer, Password);
        var cookie = await SignInAsync(app, userName, Password);
        var admin = app.AdminClient();

        var disabled = await Responses.JsonAsync(await admin.PostAsync($"/api/users/{userName}/disable", null), HttpStatusCode.OK);

        Assert.True(disabled.GetProperty("disabled").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, (await WithCookieAsync(app, HttpMethod.Get, "/api/session", cookie)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.ClientWithKey(key).GetAsync("/api/orders")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.AnonymousClient().PostAsJsonAsync("/api/session", new { userName, password = Password })).StatusCode);

        var enabled = await Responses.JsonAsync(await admin.PostAsync($"/api/users/{userName}/enable", null), HttpStatusCode.OK);

        Assert.False(enabled.GetProperty("disabled").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await app.ClientWithKey(key).GetAsync("/api/orders")).StatusCode);
        await SignInAsync(app, userName, Password);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync("/api/users/nobody/disable", null)).StatusCode);
    }

    [Fact]
    public async Task The_last_enabled_admin_can_neither_demote_nor_disable_itself_but_can_once_another_admin_exists()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var admin = app.AdminClient();

        var demoted = await admin.PutAsJsonAsync("/api/users/admin/role", new { role = "viewer" });
        var disabled = await admin.PostAsync("/api/users/admin/disable", null);

        Assert.Contains("last enabled admin", (await Responses.JsonAsync(demoted, HttpStatusCode.Conflict)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        await Responses.JsonAsync(disabled, HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/users", new { userName = "deputy", role = "admin", password = Password })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/users/deputy/disable", null)).StatusCode);
        await Responses.JsonAsync(await admin.PutAsJsonAsync("/api/users/admin/role", new { role = "viewer" }), HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/users/deputy/enable", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/users/admin/role", new { role = "viewer" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync("/api/users/deputy")).StatusCode);
    }

    [Fact]
    public async Task Failed_sign_ins_lock_the_user_out_for_a_window_that_grows_and_then_ends()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var client = app.AnonymousClient();
        Task<HttpResponseMessage> TryAsync(string password) => client.PostAsJsonAsync("/api/session", new { userName = "admin", password });
        for (var i = 0; i < SignInThrottle.FreeFailuresPerUser; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await TryAsync("wrong password " + i)).StatusCode);
        }

        var locked = await TryAsync(ClearanceApp.AdminPassword);
        app.Clock.Advance(SignInThrottle.FirstLockout + TimeSpan.FromSeconds(1));
        var wrongAgain = await TryAsync("wrong again");
        var lockedLonger = await TryAsync(ClearanceApp.AdminPassword);
        app.Clock.Advance((2 * SignInThrottle.FirstLockout) + TimeSpan.FromSeconds(1));
        var after = await TryAsync(ClearanceApp.AdminPassword);

        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.Equal("60", Assert.Single(locked.Headers.GetValues("Retry-After")));
        Assert.Equal(HttpStatusCode.Unauthorized, wrongAgain.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, lockedLonger.StatusCode);
        Assert.Equal("120", Assert.Single(lockedLonger.Headers.GetValues("Retry-After")));
        Assert.Equal(HttpStatusCode.NoContent, after.StatusCode);
        Assert.Equal(SignInThrottle.FreeFailuresPerUser + 1, await app.QueryAsync(db => db.AuditEvents.CountAsync(e => e.Action == "session.sign-in-failed")));
    }

    [Fact]
    public async Task Failed_sign_ins_from_one_address_lock_the_address_whatever_the_user_names()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var client = app.AnonymousClient();
        for (var i = 0; i < SignInThrottle.FreeFailuresPerAddress; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/session", new { userName = $"guess{i}", password = "a guessed password" })).StatusCode);
        }

        var locked = await client.PostAsJsonAsync("/api/session", new { userName = "admin", password = ClearanceApp.AdminPassword });

        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers_and_the_api_reference_gets_its_own_policy()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var client = app.AnonymousClient();

        foreach (var path in new[] { "/api/session", "/openapi/v1.json", "/no/such/page" })
        {
            var response = await client.GetAsync(path);
            var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
            Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
            Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        }

        var reference = await client.GetAsync(ClearanceWebExtensions.ApiReferencePath);
        Assert.Contains("frame-ancestors 'none'", Assert.Single(reference.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.False(app.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.AddServerHeader);
    }

    [Fact]
    public async Task The_sign_in_cookie_is_secure_when_served_over_https()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();

        var overHttps = await Browser(app, "https://localhost").PostAsJsonAsync("/api/session", new { userName = "admin", password = ClearanceApp.AdminPassword });
        var overHttp = await Browser(app).PostAsJsonAsync("/api/session", new { userName = "admin", password = ClearanceApp.AdminPassword });

        Assert.Contains("; secure", Assert.Single(overHttps.Headers.GetValues("Set-Cookie")), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("; secure", Assert.Single(overHttp.Headers.GetValues("Set-Cookie")), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task With_a_certificate_configured_the_data_protection_keys_are_stored_encrypted_and_still_work()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var certificate = Path.Combine(Path.GetTempPath(), $"clearance-keys-{Guid.NewGuid():N}.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=clearance-keys", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            await File.WriteAllBytesAsync(certificate, created.Export(X509ContentType.Pfx, "pfx password"));
        }

        try
        {
            app.Settings[ClearanceWebExtensions.KeyCertificatePath] = certificate;
            app.Settings[ClearanceWebExtensions.KeyCertificatePassword] = "pfx password";

            var cookie = await SignInAsync(app, "admin", ClearanceApp.AdminPassword);

            Assert.Equal(HttpStatusCode.OK, (await WithCookieAsync(app, HttpMethod.Get, "/api/session", cookie)).StatusCode);
            var keys = await app.QueryAsync(db => db.DataProtectionKeys.Select(k => k.Xml ?? "").ToListAsync());
            Assert.NotEmpty(keys);
            Assert.All(keys, xml => Assert.Contains("EncryptedData", xml, StringComparison.Ordinal));
            Assert.All(keys, xml => Assert.DoesNotContain("unencrypted form", xml, StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(certificate);
        }
    }
}
