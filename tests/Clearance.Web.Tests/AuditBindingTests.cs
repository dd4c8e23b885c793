using System.Net;
using System.Text.Json;
using Clearance.Tests.Databases;
using Clearance.Users;
using Clearance.Web.Audit;

namespace Clearance.Web.Tests;

public sealed class SqliteAuditBindingTests : AuditBindingTests<SqliteDatabase>;

public sealed class PostgresAuditBindingTests : AuditBindingTests<PostgresDatabase>;

/// <summary>Orders are bound to the events that recorded them, and the log's tail to a head the auditor kept.</summary>
public abstract class AuditBindingTests<TDb>
    where TDb : ITestDatabase, new()
{
    static async Task<JsonElement> VerifyAsync(HttpClient auditor, string query = "") =>
        await Responses.JsonAsync(await auditor.GetAsync("/api/audit/verify" + query), HttpStatusCode.OK);

    static async Task<(ClearanceApp App, HttpClient Auditor, long OrderId)> AppWithOrderAsync()
    {
        var app = await ClearanceApp.CreateAsync<TDb>();
        var sales = await app.ClientForAsync(Role.Sales);
        var auditor = await app.ClientForAsync(Role.Auditor);
        var order = await Responses.JsonAsync(await sales.SendAsync(OrderSamples.Post(OrderSamples.Held, "k")), HttpStatusCode.Created);
        return (app, auditor, order.GetProperty("id").GetInt64());
    }

    [Theory]
    [InlineData("\"Status\" = 'cleared'", "stored as cleared")]
    [InlineData("\"Verdict\" = 'cleared'", "stored verdict is cleared")]
    [InlineData("\"DecisionJson\" = replace(\"DecisionJson\", '\"hold\"', '\"cleared\"')", "stored decision is not the one")]
    public async Task An_order_edited_in_the_database_no_longer_verifies(string edit, string problem)
    {
        var (app, auditor, id) = await AppWithOrderAsync();
        await using var _ = app;
        Assert.True((await VerifyAsync(auditor)).GetProperty("ok").GetBoolean());

        await app.TamperAsync($"UPDATE orders SET {edit} WHERE \"Id\" = {id}");
        var result = await VerifyAsync(auditor);

        Assert.False(result.GetProperty("ok").GetBoolean());
        Assert.Contains($"order {id}", result.GetProperty("problem").GetString(), StringComparison.Ordinal);
        Assert.Contains(problem, result.GetProperty("problem").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Number, result.GetProperty("firstBrokenEvent").ValueKind);
    }

    [Fact]
    public async Task A_deleted_last_event_fails_against_the_head_the_auditor_kept()
    {
        var (app, auditor, _) = await AppWithOrderAsync();
        await using var __ = app;
        var receipt = await VerifyAsync(auditor);
        var head = receipt.GetProperty("head").GetString()!;
        var headEvent = long.Parse(head.Split(':')[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(receipt.GetProperty("events").GetInt64(), headEvent);
        Assert.Equal(receipt.GetProperty("headHash").GetString(), head.Split(':')[1]);
        Assert.True((await VerifyAsync(auditor, "?expectHead=" + head)).GetProperty("ok").GetBoolean());

        await app.TamperAsync($"DELETE FROM audit_events WHERE \"Id\" = {headEvent}");
        var cut = await VerifyAsync(auditor, "?expectHead=" + head);
        var rewritten = await VerifyAsync(auditor, $"?expectHead={headEvent - 1}:{new string('a', 64)}");

        Assert.False(cut.GetProperty("ok").GetBoolean());
        Assert.Contains("fewer than", cut.GetProperty("problem").GetString(), StringComparison.Ordinal);
        Assert.False(rewritten.GetProperty("ok").GetBoolean());
        Assert.Equal(headEvent - 1, rewritten.GetProperty("firstBrokenEvent").GetInt64());
        await Responses.JsonAsync(await auditor.GetAsync("/api/audit/verify?expectHead=12:nothex"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_export_names_the_head_of_the_log()
    {
        var (app, auditor, _) = await AppWithOrderAsync();
        await using var __ = app;
        var head = (await VerifyAsync(auditor)).GetProperty("head").GetString();

        var export = await auditor.GetAsync("/api/audit/export?from=2026-06-01&to=2026-06-01");

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal(head, Assert.Single(export.Headers.GetValues(AuditApi.HeadHeader)));
    }
}
