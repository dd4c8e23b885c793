using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Clearance.Tests.Databases;
using Clearance.Users;
using Microsoft.EntityFrameworkCore;

namespace Clearance.Web.Tests;

public sealed class SqliteShipmentsApiTests : ShipmentsApiTests<SqliteDatabase>;

public sealed class PostgresShipmentsApiTests : ShipmentsApiTests<PostgresDatabase>;

public abstract class ShipmentsApiTests<TDb>
    where TDb : ITestDatabase, new()
{
    [Fact]
    public async Task A_shipment_moves_units_from_reserved_to_shipped_and_owes_the_share_half_up_to_cents_in_the_quarterly_statement()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var (officer, sales, orderId, licenseId) = await LicensedOrderAsync(app, LicenseSamples.License());

        // 0.15 × 1,200,000.30 = 180,000.045: half-up gives .05 where banker's rounding would give .04.
        var shipment = await Responses.JsonAsync(await sales.SendAsync(Ship(orderId, Body(40, 1_200_000.30m), "s1")), HttpStatusCode.Created);
        await Responses.JsonAsync(await officer.PostAsJsonAsync("/api/obligations/payments",
            new { license = "D1234567", quarter = "2025Q3", amount = 100_000.00m, date = "2025-10-15", reference = "TREAS-1" }), HttpStatusCode.Created);
        var statement = await Responses.JsonAsync(await officer.GetAsync("/api/obligations/statement?quarter=2025Q3"), HttpStatusCode.OK);
        var csv = await (await officer.GetAsync("/api/obligations/statement?quarter=2025Q3&format=csv")).Content.ReadAsStringAsync();

        var obligation = Assert.Single(shipment.GetProperty("obligations").EnumerateArray());
        Assert.Equal((180_000.05m, 1_200_000.30m), (obligation.GetProperty("amount").GetDecimal(), obligation.GetProperty("invoiceAmount").GetDecimal()));
        var line = (await Responses.JsonAsync(await officer.GetAsync($"/api/licenses/{licenseId}"), HttpStatusCode.OK)).GetProperty("lines")[0];
        Assert.Equal((60L, 40L, 900L), (line.GetProperty("quantityReserved").GetInt64(), line.GetProperty("quantityShipped").GetInt64(), line.GetProperty("quantityLeft").GetInt64()));
        Assert.Equal((720_000m, 480_000m), (line.GetProperty("valueReserved").GetDecimal(), line.GetProperty("valueShipped").GetDecimal()));
        var row = Assert.Single(statement.GetProperty("licenses").EnumerateArray());
        Assert.Equal((1_200_000.30m, 180_000.05m, 100_000.00m, 80_000.05m), (row.GetProperty("invoiced").GetDecimal(), row.GetProperty("obligation").GetDecimal(),
            row.GetProperty("paid").GetDecimal(), row.GetProperty("outstanding").GetDecimal()));
        Assert.Contains("condition written on the license", statement.GetProperty("basis").GetString(), StringComparison.Ordinal);
        Assert.Contains("D1234567,2025Q3,USD,0.15,1200000.30,180000.05,100000.00,80000.05,1", csv, StringComparison.Ordinal);
        Assert.True((await Responses.JsonAsync(await app.AdminClient().GetAsync("/api/audit/verify"), HttpStatusCode.OK)).GetProperty("ok").GetBoolean());
    }

    [Fact]
    public async Task A_retried_shipment_returns_the_first_answer_and_a_reused_key_with_another_body_is_422_naming_the_key_and_the_first_shipment()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var (_, sales, orderId, _) = await LicensedOrderAsync(app, LicenseSamples.License());

        var first = await Responses.JsonAsync(await sales.SendAsync(Ship(orderId, Body(10, 120_000m), "s1")), HttpStatusCode.Created);
        var retry = await Responses.JsonAsync(await sales.SendAsync(Ship(orderId, Body(10, 120_000m), "s1")), HttpStatusCode.OK);
        var reused = await Responses.JsonAsync(await sales.SendAsync(Ship(orderId, Body(20, 240_000m), "s1")), HttpStatusCode.UnprocessableEntity);
        var missing = await sales.SendAsync(Ship(orderId, Body(10, 120_000m), null));

        Assert.Equal(first.GetProperty("id").GetInt64(), retry.GetProperty("id").GetInt64());
        Assert.Equal(("s1", first.GetProperty("id").GetInt64()), (reused.GetProperty("idempotencyKey").GetString(), reused.GetProperty("shipmentId").GetInt64()));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(1, await app.QueryAsync(db => db.Set<Clearance.Shipments.Shipment>().CountAsync()));
    }

    [Fact]
    public async Task A_shipment_larger_than_the_order_line_is_refused_naming_the_json_path()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var (_, sales, orderId, _) = await LicensedOrderAsync(app, LicenseSamples.License());

        var problem = await Responses.JsonAsync(await sales.SendAsync(Ship(orderId, Body(101, 1m), "s1")), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("$.lines[0].quantity", out _), problem.ToString());
    }

    [Fact]
    public async Task A_shipment_that_meets_no_condition_is_refused_with_every_reason_and_draws_nothing()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var license = LicenseSamples.License();
        license["conditions"] = JsonNode.Parse("""
            [{"kind": "us-third-party-test"}, {"kind": "china-us-volume-cap", "ratio": 0.5}, {"kind": "china-import-approval"}, {"kind": "per-customer-cap", "quantity": 5}]
            """);
        var (_, sales, orderId, licenseId) = await LicensedOrderAsync(app, license);

        var problem = await Responses.JsonAsync(await sales.SendAsync(Ship(orderId, Body(10, 120_000m), "s1")), HttpStatusCode.Conflict);

        Assert.Equal(["condition-unmet", "volume-cap-exceeded", "china-import-approval-missing", "condition-unmet"],
            problem.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()));
        var line = (await Responses.JsonAsync(await app.AdminClient().GetAsync($"/api/licenses/{licenseId}"), HttpStatusCode.OK)).GetProperty("lines")[0];
        Assert.Equal((100L, 0L), (line.GetProperty("quantityReserved").GetInt64(), line.GetProperty("quantityShipped").GetInt64()));
        Assert.Equal(0, await app.QueryAsync(db => db.Set<Clearance.Shipments.Shipment>().CountAsync()));
    }

    [Fact]
    public async Task Evidence_us_shipments_and_a_china_approval_let_the_conditioned_shipment_through()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var license = LicenseSamples.License();
        license["conditions"] = JsonNode.Parse("""[{"kind": "us-third-party-test"}, {"kind": "china-us-volume-cap", "ratio": 0.5}, {"kind": "china-import-approval"}]""");
        var (officer, sales, orderId, _) = await LicensedOrderAsync(app, license);
        var us = (await Responses.JsonAsync(await sales.SendAsync(LicenseSamples.PostOrder(
            LicenseSamples.Order("US-1", quantity: 20, buyer: "Prairie Compute LLC", destination: "US"), "us")), HttpStatusCode.Created)).GetProperty("id").GetInt64();
        await Responses.JsonAsync(await sales.SendAsync(Ship(us, Body(20, 240_000m), "us-1")), HttpStatusCode.Created);
        await Responses.JsonAsync(await officer.PostAsJsonAsync("/api/china-approvals", new
        {
            buyer = LicenseSamples.Buyer,
            country = "CN",
            item = "NVIDIA H20 (HGX H20)",
            quantity = 10,
            status = "conditional",
            date = "2025-09-10",
            authority = "MOFCOM",
            reference = "MOFCOM-2025-001",
        }), HttpStatusCode.Created);
        var body = Body(10, 120_000m);
        body["evidence"] = JsonNode.Parse("""[{"kind": "us-third-party-test", "reference": "TL-88812"}]""");

        var shipped = await sales.SendAsync(Ship(orderId, body, "s1"));
        var over = await Responses.JsonAsync(await sales.SendAsync(Ship(orderId, body, "s2")), HttpStatusCode.Conflict);

        Assert.Equal(HttpStatusCode.Created, shipped.StatusCode);
        Assert.Equal(["volume-cap-exceeded", "china-import-approval-missing"], over.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task A_shipment_against_a_revoked_license_is_refused_as_revoked()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var (officer, sales, orderId, licenseId) = await LicensedOrderAsync(app, LicenseSamples.License());
        await Responses.JsonAsync(await officer.PostAsJsonAsync($"/api/licenses/{licenseId}/revoke", new { reason = "revoked by BIS" }), HttpStatusCode.OK);

        var problem = await Responses.JsonAsync(await sales.SendAsync(Ship(orderId, Body(10, 120_000m), "s1")), HttpStatusCode.Conflict);

        Assert.Equal("license-revoked", Assert.Single(problem.GetProperty("reasons").EnumerateArray()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Revoking_a_partly_shipped_license_releases_only_the_unshipped_units_and_another_license_covers_just_those()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var (licenseId, orderId) = await LicenseSamples.ShippedAsync(app);
        var officer = await app.ClientForAsync(Role.ComplianceOfficer);
        await Responses.JsonAsync(await officer.PostAsJsonAsync($"/api/licenses/{licenseId}/revoke", new { reason = "revoked by BIS" }), HttpStatusCode.OK);
        var revokedLine = (await Responses.JsonAsync(await officer.GetAsync($"/api/licenses/{licenseId}"), HttpStatusCode.OK)).GetProperty("lines")[0];
        var secondId = await LicenseSamples.CreateAsync(officer, LicenseSamples.License(number: "D7654321"));
        var secondLine = (await Responses.JsonAsync(await officer.GetAsync($"/api/licenses/{secondId}"), HttpStatusCode.OK)).GetProperty("lines")[0];
        var order = await Responses.JsonAsync(await officer.GetAsync($"/api/orders/{orderId}"), HttpStatusCode.OK);

        // 100 units reserved, 40 shipped: the revocation gives back the 60 left, and the shipped 40 stay shipped.
        Assert.Equal((0L, 40L), (revokedLine.GetProperty("quantityReserved").GetInt64(), revokedLine.GetProperty("quantityShipped").GetInt64()));
        Assert.Equal((0m, 480_000m), (revokedLine.GetProperty("valueReserved").GetDecimal(), revokedLine.GetProperty("valueShipped").GetDecimal()));
        // The new license covers the 60 units not yet shipped, not the order line's 100.
        Assert.Equal((60L, 0L, 940L), (secondLine.GetProperty("quantityReserved").GetInt64(), secondLine.GetProperty("quantityShipped").GetInt64(),
            secondLine.GetProperty("quantityLeft").GetInt64()));
        Assert.Equal(720_000m, secondLine.GetProperty("valueReserved").GetDecimal());
        Assert.Equal("licensed", order.GetProperty("status").GetString());
        Assert.True((await Responses.JsonAsync(await app.AdminClient().GetAsync("/api/audit/verify"), HttpStatusCode.OK)).GetProperty("ok").GetBoolean());
    }

    [Fact]
    public async Task Concurrent_shipments_of_one_order_line_never_draw_more_than_it_reserved_and_the_losers_get_409_quantity_exhausted()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var (officer, sales, orderId, licenseId) = await LicensedOrderAsync(app, LicenseSamples.License());

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => sales.SendAsync(Ship(orderId, Body(10, 120_000m), $"s-{i}"))));

        Assert.Equal(10, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        foreach (var loser in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            var problem = await Responses.JsonAsync(loser, HttpStatusCode.Conflict);
            Assert.Equal("quantity-exhausted", problem.GetProperty("reasons")[0].GetProperty("code").GetString());
        }

        var line = (await Responses.JsonAsync(await officer.GetAsync($"/api/licenses/{licenseId}"), HttpStatusCode.OK)).GetProperty("lines")[0];
        Assert.Equal((0L, 100L), (line.GetProperty("quantityReserved").GetInt64(), line.GetProperty("quantityShipped").GetInt64()));
    }

    static async Task<(HttpClient Officer, HttpClient Sales, long OrderId, long LicenseId)> LicensedOrderAsync(ClearanceApp app, JsonObject license)
    {
        var officer = await app.ClientForAsync(Role.ComplianceOfficer);
        var sales = await app.ClientForAsync(Role.Sales);
        var licenseId = await LicenseSamples.CreateAsync(officer, license);
        var order = await Responses.JsonAsync(await sales.SendAsync(LicenseSamples.PostOrder(LicenseSamples.Order(quantity: 100), "o1")), HttpStatusCode.Created);
        Assert.Equal("licensed", order.GetProperty("status").GetString());
        return (officer, sales, order.GetProperty("id").GetInt64(), licenseId);
    }

    static JsonObject Body(long quantity, decimal amount) => new()
    {
        ["lines"] = new JsonArray(new JsonObject { ["line"] = 0, ["quantity"] = quantity }),
        ["invoice"] = new JsonObject { ["number"] = "INV-2025-0917", ["date"] = "2025-09-17", ["amount"] = amount },
    };

    static HttpRequestMessage Ship(long orderId, JsonObject body, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/orders/{orderId}/shipments") { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return request;
    }
}
