using System.Net;
using System.Net.Http.Json;
using Clearance.Tests.Databases;
using Clearance.Users;

namespace Clearance.Web.Tests;

public sealed class SqliteOrdersApiTests : OrdersApiTests<SqliteDatabase>;

public sealed class PostgresOrdersApiTests : OrdersApiTests<PostgresDatabase>;

public abstract class OrdersApiTests<TDb>
    where TDb : ITestDatabase, new()
{
    [Fact]
    public async Task A_submitted_order_returns_the_decision_with_its_status_and_a_retry_returns_the_same_order()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var sales = await app.ClientForAsync(Role.Sales);

        var first = await Responses.JsonAsync(await sales.SendAsync(OrderSamples.Post(OrderSamples.Held, "erp-4711")), HttpStatusCode.Created);
        var retry = await sales.SendAsync(OrderSamples.Post(OrderSamples.Held, "erp-4711"));
        var again = await Responses.JsonAsync(retry, HttpStatusCode.OK);

        Assert.Equal(("EX-10", "hold", "held"), (first.GetProperty("orderId").GetString(), first.GetProperty("verdict").GetString(), first.GetProperty("status").GetString()));
        Assert.Equal("hit", first.GetProperty("screening")[0].GetProperty("decision").GetString());
        Assert.Equal(first.GetProperty("id").GetInt64(), again.GetProperty("id").GetInt64());
        Assert.Equal("true", Assert.Single(retry.Headers.GetValues("Idempotent-Replayed")));
        Assert.Equal(1, await app.QueryAsync(db => Task.FromResult(db.Orders.Count())));
    }

    [Fact]
    public async Task A_retry_that_differs_only_in_layout_and_member_order_returns_the_first_order()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var sales = await app.ClientForAsync(Role.Sales);
        var reordered = """
            {"lines":[{"unitPrice":12000,"quantity":512,"item":"NVIDIA H20 (HGX H20)"}],"exporter":"NVIDIA","endUse":"datacenter",
             "parties":[{"headquarters":"CN","country":"CN","name":"Jiangnan Inference Services Co., Ltd.","role":"buyer"}],
             "destination":"CN","date":"2024-09-15","id":"EX-\u0030\u0032"}
            """;

        var first = await Responses.JsonAsync(await sales.SendAsync(OrderSamples.Post(OrderSamples.Cleared, "erp-layout")), HttpStatusCode.Created);
        var again = await Responses.JsonAsync(await sales.SendAsync(OrderSamples.Post(reordered, "erp-layout")), HttpStatusCode.OK);

        Assert.Equal(first.GetProperty("id").GetInt64(), again.GetProperty("id").GetInt64());
        Assert.Equal(1, await app.QueryAsync(db => Task.FromResult(db.Orders.Count())));
    }

    [Theory]
    [InlineData("\"quantity\": 512", "\"quantity\": 513")]
    [InlineData("\"id\": \"EX-02\"", "\"id\": \"EX-03\"")]
    [InlineData("\"quantity\": 512", "\"quantity\": \"many\"")]
    public async Task A_different_request_under_a_used_key_is_refused_naming_the_key_and_the_first_order_and_is_audited(string from, string to)
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var sales = await app.ClientForAsync(Role.Sales);
        var other = OrderSamples.Cleared.Replace(from, to, StringComparison.Ordinal);
        Assert.NotEqual(OrderSamples.Cleared, other);

        var first = await Responses.JsonAsync(await sales.SendAsync(OrderSamples.Post(OrderSamples.Cleared, "erp-reused")), HttpStatusCode.Created);
        var response = await sales.SendAsync(OrderSamples.Post(other, "erp-reused"));
        var problem = await Responses.JsonAsync(response, (HttpStatusCode)422);

        var firstId = first.GetProperty("id").GetInt64();
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(("erp-reused", firstId), (problem.GetProperty("idempotencyKey").GetString(), problem.GetProperty("orderId").GetInt64()));
        Assert.Contains("erp-reused", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(1, await app.QueryAsync(db => Task.FromResult(db.Orders.Count())));
        var audited = await app.QueryAsync(db => Task.FromResult(db.AuditEvents.Where(e => e.Action == "order.idempotency-key-reused").ToList()));
        Assert.Equal(firstId.ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single(audited).EntityId);
    }

    [Fact]
    public async Task Concurrent_submissions_under_one_key_store_one_order_and_refuse_the_different_ones()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var sales = await app.ClientForAsync(Role.Sales);
        var other = OrderSamples.Cleared.Replace("\"quantity\": 512", "\"quantity\": 1", StringComparison.Ordinal);

        var same = Enumerable.Range(0, 12).Select(_ => sales.SendAsync(OrderSamples.Post(OrderSamples.Cleared, "erp-race")));
        var responses = await Task.WhenAll(same);
        var statuses = responses.Select(r => r.StatusCode).ToList();
        var different = await sales.SendAsync(OrderSamples.Post(other, "erp-race"));

        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(11, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal((HttpStatusCode)422, different.StatusCode);
        Assert.Equal(1, await app.QueryAsync(db => Task.FromResult(db.Orders.Count())));
    }

    [Fact]
    public async Task Concurrent_different_requests_under_one_key_store_exactly_one_and_refuse_the_others()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var sales = await app.ClientForAsync(Role.Sales);

        var bodies = Enumerable.Range(1, 8).Select(q => OrderSamples.Cleared.Replace("\"quantity\": 512", $"\"quantity\": {q}", StringComparison.Ordinal));
        var responses = await Task.WhenAll(bodies.Select(b => sales.SendAsync(OrderSamples.Post(b, "erp-race-2"))));
        var statuses = responses.Select(r => r.StatusCode).ToList();

        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(7, statuses.Count(s => s == (HttpStatusCode)422));
        Assert.Equal(1, await app.QueryAsync(db => Task.FromResult(db.Orders.Count())));
        Assert.Equal(7, await app.QueryAsync(db => Task.FromResult(db.AuditEvents.Count(e => e.Action == "order.idempotency-key-reused"))));
    }

    [Fact]
    public async Task A_post_without_an_idempotency_key_is_refused_naming_the_header()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var sales = await app.ClientForAsync(Role.Sales);

        var problem = await Responses.JsonAsync(await sales.SendAsync(OrderSamples.Post(OrderSamples.Cleared, null)), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("Idempotency-Key", out _));
    }

    [Fact]
    public async Task A_bad_order_gets_problem_details_naming_the_json_path()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var sales = await app.ClientForAsync(Role.Sales);
        var body = OrderSamples.Cleared.Replace("\"quantity\": 512", "\"quantity\": \"many\"", StringComparison.Ordinal);

        var response = await sales.SendAsync(OrderSamples.Post(body, "k"));
        var problem = await Responses.JsonAsync(response, HttpStatusCode.BadRequest);

        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(problem.GetProperty("errors").TryGetProperty("$.lines[0].quantity", out _), problem.ToString());
    }

    [Fact]
    public async Task An_officer_releases_a_hold_once_and_the_submitter_never_can()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var (salesName, salesKey) = await app.CreateUserAsync(Role.Sales);
        var sales = app.ClientWithKey(salesKey);
        var officer = await app.ClientForAsync(Role.ComplianceOfficer);
        var id = (await Responses.JsonAsync(await sales.SendAsync(OrderSamples.Post(OrderSamples.Held, "k")), HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var release = new { reason = "end-use statement on file" };
        var alerts = await Responses.JsonAsync(await officer.GetAsync($"/api/alerts?status=open&orderId={id}"), HttpStatusCode.OK);
        foreach (var alert in alerts.EnumerateArray())
        {
            await Responses.JsonAsync(await officer.PostAsJsonAsync($"/api/alerts/{alert.GetProperty("id").GetInt64()}/disposition",
                new { disposition = "false-positive", reason = "different company" }), HttpStatusCode.OK);
        }

        var released = await Responses.JsonAsync(await officer.PostAsJsonAsync($"/api/orders/{id}/release", release), HttpStatusCode.OK);
        await Responses.JsonAsync(await officer.PostAsJsonAsync($"/api/orders/{id}/release", release), HttpStatusCode.Conflict);
        await Responses.JsonAsync(await officer.PostAsJsonAsync($"/api/orders/{id}/release", new { reason = "" }), HttpStatusCode.BadRequest);

        Assert.Equal("released", released.GetProperty("status").GetString());
        Assert.Equal("end-use statement on file", released.GetProperty("release").GetProperty("reason").GetString());
        var listed = await Responses.JsonAsync(await officer.GetAsync("/api/orders?status=released&destination=CN"), HttpStatusCode.OK);
        Assert.Equal(salesName, Assert.Single(listed.EnumerateArray()).GetProperty("submittedBy").GetString());
        var verify = await Responses.JsonAsync(await app.AdminClient().GetAsync("/api/audit/verify"), HttpStatusCode.OK);
        Assert.True(verify.GetProperty("ok").GetBoolean());
    }

    [Fact]
    public async Task An_officer_who_submitted_the_order_cannot_release_it()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var (name, key) = await app.CreateUserAsync(Role.Sales);
        var sales = app.ClientWithKey(key);
        var id = (await Responses.JsonAsync(await sales.SendAsync(OrderSamples.Post(OrderSamples.Held, "k")), HttpStatusCode.Created)).GetProperty("id").GetInt64();
        await app.TamperAsync($"UPDATE users SET \"Role\" = 'compliance-officer' WHERE \"UserName\" = '{name}'");

        var response = await sales.PostAsJsonAsync($"/api/orders/{id}/release", new { reason = "mine" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("held", (await Responses.JsonAsync(await sales.GetAsync($"/api/orders/{id}"), HttpStatusCode.OK)).GetProperty("status").GetString());
    }
}
