using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Clearance.Tests.Databases;
using Clearance.Users;

namespace Clearance.Web.Tests;

public sealed class SqliteAuditApiTests : AuditApiTests<SqliteDatabase>;

public sealed class PostgresAuditApiTests : AuditApiTests<PostgresDatabase>;

public abstract class AuditApiTests<TDb>
    where TDb : ITestDatabase, new()
{
    sealed record Verification(bool Ok, long Events, long? FirstBrokenEvent, string? Problem, string HeadHash);

    static async Task<ClearanceApp> AppWithEventsAsync()
    {
        var app = await ClearanceApp.CreateAsync<TDb>();
        var admin = app.AdminClient();
        foreach (var name in new[] { "ann", "bob", "cy" })
        {
            (await admin.PostAsJsonAsync("/api/users", new { userName = name, role = "viewer" })).EnsureSuccessStatusCode();
        }

        return app;
    }

    static async Task<Verification> VerifyAsync(ClearanceApp app) =>
        (await (await app.ClientForAsync(Role.Auditor)).GetFromJsonAsync<Verification>("/api/audit/verify"))!;

    [Fact]
    public async Task Every_change_made_through_the_api_is_in_a_chain_that_verifies()
    {
        await using var app = await AppWithEventsAsync();

        var result = await VerifyAsync(app);

        // admin created and its key issued at first start, three users, then the auditor and its key.
        Assert.Equal(new Verification(true, 7, null, null, result.HeadHash), result);
    }

    [Fact]
    public async Task An_edited_event_is_named()
    {
        await using var app = await AppWithEventsAsync();
        await app.TamperAsync("""UPDATE audit_events SET "EntityId" = 'someone' WHERE "Id" = 4""");

        var result = await VerifyAsync(app);

        Assert.False(result.Ok);
        Assert.Equal(4, result.FirstBrokenEvent);
    }

    [Fact]
    public async Task A_deleted_event_is_named_by_the_event_after_it()
    {
        await using var app = await AppWithEventsAsync();
        await app.TamperAsync("""DELETE FROM audit_events WHERE "Id" = 3""");

        var result = await VerifyAsync(app);

        Assert.False(result.Ok);
        Assert.Equal(4, result.FirstBrokenEvent);
        Assert.Contains("missing", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reordered_events_are_named_where_the_order_breaks()
    {
        await using var app = await AppWithEventsAsync();
        await app.TamperAsync(
            """UPDATE audit_events SET "Id" = -1 WHERE "Id" = 3""",
            """UPDATE audit_events SET "Id" = 3 WHERE "Id" = 4""",
            """UPDATE audit_events SET "Id" = 4 WHERE "Id" = -1""");

        var result = await VerifyAsync(app);

        Assert.False(result.Ok);
        Assert.Equal(3, result.FirstBrokenEvent);
    }

    [Fact]
    public async Task Export_returns_the_period_as_json_lines_with_actor_and_hashes()
    {
        await using var app = await AppWithEventsAsync();

        var response = await app.AdminClient().GetAsync("/api/audit/export?from=2026-06-01&to=2026-06-01");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal([1L, 2L, 3L, 4L, 5L], lines.Select(l => l.GetProperty("id").GetInt64()));
        Assert.Equal(["system", "system", "admin", "admin", "admin"], lines.Select(l => l.GetProperty("actor").GetString()));
        Assert.Equal(lines[0].GetProperty("hash").GetString(), lines[1].GetProperty("previousHash").GetString());
    }

    [Fact]
    public async Task Export_of_a_period_without_events_is_empty()
    {
        await using var app = await AppWithEventsAsync();

        var body = await app.AdminClient().GetStringAsync("/api/audit/export?from=2026-06-02&to=2026-12-31");

        Assert.Equal("", body);
    }

    [Fact]
    public async Task Export_needs_both_ends_of_the_period_in_order()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var admin = app.AdminClient();

        var missing = await (await admin.GetAsync("/api/audit/export?to=2026-01-01")).Content.ReadFromJsonAsync<JsonElement>();
        var reversed = await admin.GetAsync("/api/audit/export?from=2026-02-01&to=2026-01-01");

        Assert.True(missing.GetProperty("errors").TryGetProperty("from", out _));
        Assert.Equal(HttpStatusCode.BadRequest, reversed.StatusCode);
    }
}
