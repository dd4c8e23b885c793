using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Clearance.Tests.Databases;
using Clearance.Users;
using Clearance.Web.Users;

namespace Clearance.Web.Tests;

public sealed class SqliteApiKeyCacheTests : ApiKeyCacheTests<SqliteDatabase>;

public sealed class PostgresApiKeyCacheTests : ApiKeyCacheTests<PostgresDatabase>;

/// <summary>Validated keys are cached (<see cref="ApiKeyCache"/>); revocation, role changes and expiry still apply.</summary>
public abstract class ApiKeyCacheTests<TDb>
    where TDb : ITestDatabase, new()
{
    static async Task<string?> RoleAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/session");
        return response.StatusCode == HttpStatusCode.OK
            ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("role").GetString()
            : ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task A_revoked_key_gets_401_at_once_on_the_instance_that_revoked_it()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var (userName, key) = await app.CreateUserAsync(Role.Sales);
        var erp = app.ClientWithKey(key);
        Assert.Equal("sales", await RoleAsync(erp));

        var revoke = await app.AdminClient().DeleteAsync($"/api/users/{userName}/api-keys");

        Assert.Equal(1, (await revoke.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("revoked").GetInt32());
        Assert.Equal("401", await RoleAsync(erp));
        Assert.Equal(HttpStatusCode.Unauthorized, (await erp.PostAsync("/api/orders", null)).StatusCode);
    }

    [Fact]
    public async Task A_role_change_applies_to_the_users_keys_at_once_on_the_instance_that_made_it()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var (userName, key) = await app.CreateUserAsync(Role.Sales);
        var user = app.ClientWithKey(key);
        Assert.Equal("sales", await RoleAsync(user));

        var change = await app.AdminClient().PutAsJsonAsync($"/api/users/{userName}/role", new { role = "viewer" });

        Assert.Equal(HttpStatusCode.OK, change.StatusCode);
        Assert.Equal("viewer", await RoleAsync(user));
        Assert.Equal(HttpStatusCode.Forbidden, (await user.SendAsync(OrderSamples.Post(OrderSamples.Held, "after-demotion"))).StatusCode);
        var events = await app.QueryAsync(db => Task.FromResult(db.AuditEvents.Where(e => e.Action == "user.role-changed").Select(e => e.Payload).ToList()));
        Assert.Contains("\"previous\":\"sales\"", Assert.Single(events), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_instance_sees_a_revocation_and_a_role_change_within_the_cache_lifetime()
    {
        await using var first = await ClearanceApp.CreateAsync<TDb>();
        await using var second = first.SecondInstance();
        var (revokedUser, revokedKey) = await first.CreateUserAsync(Role.Sales);
        var (demotedUser, demotedKey) = await first.CreateUserAsync(Role.Sales);
        var revoked = second.ClientWithKey(revokedKey);
        var demoted = second.ClientWithKey(demotedKey);
        Assert.Equal("sales", await RoleAsync(revoked));
        Assert.Equal("sales", await RoleAsync(demoted));

        (await first.AdminClient().DeleteAsync($"/api/users/{revokedUser}/api-keys")).EnsureSuccessStatusCode();
        (await first.AdminClient().PutAsJsonAsync($"/api/users/{demotedUser}/role", new { role = "auditor" })).EnsureSuccessStatusCode();
        second.Clock.Advance(ApiKeyCache.Lifetime - TimeSpan.FromMilliseconds(1));
        Assert.Equal("sales", await RoleAsync(demoted));
        second.Clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal("401", await RoleAsync(revoked));
        Assert.Equal("auditor", await RoleAsync(demoted));
    }

    [Fact]
    public async Task A_cached_key_stops_at_its_expiry_to_the_tick()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var expiresAt = app.Clock.GetUtcNow().AddSeconds(3);
        var issued = await app.AdminClient().PostAsJsonAsync("/api/users/admin/api-keys", new { expiresAt });
        var key = (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
        var client = app.ClientWithKey(key);
        Assert.Equal("admin", await RoleAsync(client));

        app.Clock.Advance(TimeSpan.FromSeconds(3) - TimeSpan.FromTicks(10));
        Assert.Equal("admin", await RoleAsync(client));
        app.Clock.Advance(TimeSpan.FromTicks(10));

        Assert.Equal("401", await RoleAsync(client));
    }

    [Fact]
    public async Task Unknown_users_are_404_and_unknown_roles_are_refused_naming_the_field()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var admin = app.AdminClient();

        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync("/api/users/nobody/api-keys")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsJsonAsync("/api/users/nobody/role", new { role = "viewer" })).StatusCode);
        var refused = await admin.PutAsJsonAsync("/api/users/admin/role", new { role = "root" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("role", out _));
    }
}
