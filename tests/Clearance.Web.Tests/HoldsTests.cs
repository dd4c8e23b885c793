using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Clearance.Tests.Databases;
using Clearance.Users;

namespace Clearance.Web.Tests;

public sealed class SqliteHoldsTests : HoldsTests<SqliteDatabase>;

public sealed class PostgresHoldsTests : HoldsTests<PostgresDatabase>;

/// <summary>A hold always comes with an open alert or a finding someone can act on, and a release never leaves a hit open.</summary>
public abstract class HoldsTests<TDb>
    where TDb : ITestDatabase, new()
{
    [Fact]
    public async Task After_a_false_positive_the_next_order_for_the_party_says_so_and_is_not_held_for_it()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var sales = await app.ClientForAsync(Role.Sales);
        var officer = await app.ClientForAsync(Role.ComplianceOfficer);
        var first = await Responses.JsonAsync(await sales.SendAsync(OrderSamples.Post(OrderSamples.Held, "first")), HttpStatusCode.Created);
        foreach (var alert in (await OpenAlertsAsync(officer, first.GetProperty("id").GetInt64())).EnumerateArray())
        {
            await Responses.JsonAsync(await officer.PostAsJsonAsync($"/api/alerts/{alert.GetProperty("id").GetInt64()}/disposition",
                new { disposition = "false-positive", reason = "different company, registry number checked" }), HttpStatusCode.OK);
        }

        var second = await Responses.JsonAsync(await sales.SendAsync(OrderSamples.Post(OrderSamples.Held, "second")), HttpStatusCode.Created);
        var secondId = second.GetProperty("id").GetInt64();

        Assert.Equal("held", first.GetProperty("status").GetString());
        Assert.NotEqual("held", second.GetProperty("status").GetString());
        Assert.NotEqual("hold", second.GetProperty("verdict").GetString());
        var codes = Codes(second);
        Assert.Contains("SCREENING_FALSE_POSITIVE", codes);
        Assert.DoesNotContain("SCREENING_POTENTIAL_HIT", codes);
        Assert.Equal(0, (await OpenAlertsAsync(officer, secondId)).GetArrayLength());
        // A redecided order still names the snapshots it was screened against, as every decision does.
        Assert.Equal(first.GetProperty("lists").GetRawText(), second.GetProperty("lists").GetRawText());
        Assert.True(second.GetProperty("maxListAgeDays").GetInt32() > 0);
        Assert.Equal(second.GetProperty("status").GetString(),
            (await Responses.JsonAsync(await officer.GetAsync($"/api/orders/{secondId}"), HttpStatusCode.OK)).GetProperty("status").GetString());
        Assert.True((await Responses.JsonAsync(await app.AdminClient().GetAsync("/api/audit/verify"), HttpStatusCode.OK)).GetProperty("ok").GetBoolean());
    }

    [Fact]
    public async Task A_held_order_with_an_open_alert_is_not_released_until_every_alert_is_dispositioned()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var sales = await app.ClientForAsync(Role.Sales);
        var officer = await app.ClientForAsync(Role.ComplianceOfficer);
        var id = (await Responses.JsonAsync(await sales.SendAsync(OrderSamples.Post(OrderSamples.Held, "k")), HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var open = (await OpenAlertsAsync(officer, id)).EnumerateArray().Select(a => a.GetProperty("id").GetInt64()).ToList();
        var release = new { reason = "end-use statement on file" };

        var refused = await Responses.JsonAsync(await officer.PostAsJsonAsync($"/api/orders/{id}/release", release), HttpStatusCode.Conflict);
        var stillHeld = await Responses.JsonAsync(await officer.GetAsync($"/api/orders/{id}"), HttpStatusCode.OK);
        foreach (var alertId in open)
        {
            await Responses.JsonAsync(await officer.PostAsJsonAsync($"/api/alerts/{alertId}/disposition",
                new { disposition = "false-positive", reason = "different company" }), HttpStatusCode.OK);
        }

        var released = await Responses.JsonAsync(await officer.PostAsJsonAsync($"/api/orders/{id}/release", release), HttpStatusCode.OK);

        Assert.NotEmpty(open);
        Assert.Equal(open.Order(), refused.GetProperty("openAlerts").EnumerateArray().Select(a => a.GetInt64()).Order());
        Assert.All(open, alertId => Assert.Contains($"alert {alertId} ", refused.GetProperty("detail").GetString(), StringComparison.Ordinal));
        Assert.Equal("held", stillHeld.GetProperty("status").GetString());
        Assert.Equal("released", released.GetProperty("status").GetString());
    }

    static async Task<JsonElement> OpenAlertsAsync(HttpClient client, long orderId) =>
        await Responses.JsonAsync(await client.GetAsync($"/api/alerts?status=open&orderId={orderId}"), HttpStatusCode.OK);

    static List<string> Codes(JsonElement decision) =>
    [
        .. decision.GetProperty("lines").EnumerateArray()
            .SelectMany(l => l.GetProperty("findings").EnumerateArray())
            .Select(f => f.GetProperty("code").GetString()!),
    ];
}
