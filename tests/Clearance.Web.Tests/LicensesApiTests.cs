using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Clearance.Tests.Databases;
using Clearance.Users;
using Microsoft.EntityFrameworkCore;

namespace Clearance.Web.Tests;

public sealed class SqliteLicensesApiTests : LicensesApiTests<SqliteDatabase>;

public sealed class PostgresLicensesApiTests : LicensesApiTests<PostgresDatabase>;

public abstract class LicensesApiTests<TDb>
    where TDb : ITestDatabase, new()
{
    [Fact]
    public async Task A_license_is_read_back_with_what_is_reserved_shipped_and_left_on_each_line_and_its_creation_is_audited()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var officer = await app.ClientForAsync(Role.ComplianceOfficer);

        var id = await LicenseSamples.CreateAsync(officer, LicenseSamples.License());
        var license = await Responses.JsonAsync(await officer.GetAsync($"/api/licenses/{id}"), HttpStatusCode.OK);

        Assert.Equal(("D1234567", "license", "active", "USD"), (license.GetProperty("number").GetString(), license.GetProperty("type").GetString(),
            license.GetProperty("status").GetString(), license.GetProperty("currency").GetString()));
        var line = Assert.Single(license.GetProperty("lines").EnumerateArray());
        Assert.Equal((1000L, 0L, 0L, 1000L), (line.GetProperty("quantity").GetInt64(), line.GetProperty("quantityReserved").GetInt64(),
            line.GetProperty("quantityShipped").GetInt64(), line.GetProperty("quantityLeft").GetInt64()));
        Assert.Equal(12_000_000m, line.GetProperty("valueLeft").GetDecimal());
        Assert.Equal(0.15m, license.GetProperty("conditions")[0].GetProperty("rate").GetDecimal());
        Assert.Equal(1, await app.QueryAsync(db => db.AuditEvents.CountAsync(e => e.Action == "license.created")));
        var listed = await Responses.JsonAsync(await officer.GetAsync("/api/licenses"), HttpStatusCode.OK);
        Assert.Equal(id, Assert.Single(listed.EnumerateArray()).GetProperty("id").GetInt64());
    }

    public static TheoryData<string, string, string> BadLicenses => new()
    {
        { "lines[0].item", "\"NVIDIA H21\"", "$.lines[0].item" },
        { "lines[0].quantity", "-1", "$.lines[0].quantity" },
        { "lines[0].quantity", "2.5", "$.lines[0].quantity" },
        { "lines[0].value", "10.005", "$.lines[0].value" },
        { "validTo", "\"2025-08-07\"", "$.validTo" },
        { "conditions[0].rate", "1.5", "$.conditions[0].rate" },
        { "conditions[0].rate", "-0.01", "$.conditions[0].rate" },
        { "type", "\"permit\"", "$.type" },
        { "destinations[0]", "\"XX\"", "$.destinations[0]" },
        { "parties[0].country", "\"cn\"", "$.parties[0].country" },
        { "number", "\"\"", "$.number" },
    };

    [Theory]
    [MemberData(nameof(BadLicenses))]
    public async Task A_bad_license_is_refused_naming_the_json_path_and_nothing_is_stored(string field, string value, string path)
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var officer = await app.ClientForAsync(Role.ComplianceOfficer);
        var license = LicenseSamples.License();
        Set(license, field, JsonNode.Parse(value));

        var problem = await Responses.JsonAsync(await officer.PostAsJsonAsync("/api/licenses", license), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(path, out _), problem.ToString());
        Assert.Equal(0, await app.QueryAsync(db => db.Licenses.CountAsync()));
        Assert.Equal(0, await app.QueryAsync(db => db.AuditEvents.CountAsync(e => e.EntityType == "license")));
    }

    [Fact]
    public async Task A_second_license_with_the_same_number_is_refused_naming_the_number()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var officer = await app.ClientForAsync(Role.ComplianceOfficer);
        await LicenseSamples.CreateAsync(officer, LicenseSamples.License());

        var problem = await Responses.JsonAsync(await officer.PostAsJsonAsync("/api/licenses", LicenseSamples.License()), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("$.number", out _), problem.ToString());
        Assert.Equal(1, await app.QueryAsync(db => db.Licenses.CountAsync()));
    }

    [Fact]
    public async Task Sales_cannot_enter_a_license()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var sales = await app.ClientForAsync(Role.Sales);

        var response = await sales.PostAsJsonAsync("/api/licenses", LicenseSamples.License());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_covered_order_is_licensed_and_reserves_its_whole_quantity_and_value()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var officer = await app.ClientForAsync(Role.ComplianceOfficer);
        var sales = await app.ClientForAsync(Role.Sales);
        var id = await LicenseSamples.CreateAsync(officer, LicenseSamples.License());

        var order = await Responses.JsonAsync(await sales.SendAsync(LicenseSamples.PostOrder(LicenseSamples.Order(quantity: 100), "k1")), HttpStatusCode.Created);

        Assert.Equal(("license-required", "licensed"), (order.GetProperty("verdict").GetString(), order.GetProperty("status").GetString()));
        var coverage = order.GetProperty("lines")[0].GetProperty("license");
        Assert.Equal(("D1234567", "covered", 0), (coverage.GetProperty("number").GetString(), coverage.GetProperty("status").GetString(), coverage.GetProperty("reasons").GetArrayLength()));
        Assert.Equal((100L, 1_200_000m), (coverage.GetProperty("quantityReserved").GetInt64(), coverage.GetProperty("valueReserved").GetDecimal()));
        var line = (await Responses.JsonAsync(await officer.GetAsync($"/api/licenses/{id}"), HttpStatusCode.OK)).GetProperty("lines")[0];
        Assert.Equal((100L, 900L), (line.GetProperty("quantityReserved").GetInt64(), line.GetProperty("quantityLeft").GetInt64()));
        Assert.Equal((1_200_000m, 10_800_000m), (line.GetProperty("valueReserved").GetDecimal(), line.GetProperty("valueLeft").GetDecimal()));
    }

    /// <summary>Each row changes the license or the order so that exactly one reason applies.</summary>
    public static TheoryData<string, string, string> NotCovered => new()
    {
        { "license", "{\"parties\": [{\"name\": \"Tencent Cloud Computing (Beijing) Co., Ltd.\", \"country\": \"CN\"}]}", "party-not-approved" },
        { "license", "{\"destinations\": [\"VN\"]}", "destination-not-covered" },
        { "license", "{\"lines\": [{\"item\": \"NVIDIA H100 SXM5 80GB\", \"quantity\": 1000, \"value\": 12000000}]}", "item-not-covered" },
        { "license", "{\"validFrom\": \"2024-01-01\", \"validTo\": \"2025-08-31\"}", "expired" },
        { "license", "{\"validFrom\": \"2025-09-02\"}", "not-yet-valid" },
        { "license", "{\"lines\": [{\"item\": \"NVIDIA H20 (HGX H20)\", \"quantity\": 99, \"value\": 12000000}]}", "quantity-exhausted" },
        { "license", "{\"lines\": [{\"item\": \"NVIDIA H20 (HGX H20)\", \"quantity\": 1000, \"value\": 1199999.99}]}", "value-exhausted" },
        { "license", "{\"type\": \"nac\", \"notifiedOn\": \"2025-07-01\"}", "nac-not-confirmed" },
        { "none", "{}", "no-license" },
    };

    [Theory]
    [MemberData(nameof(NotCovered))]
    public async Task An_order_the_licenses_do_not_cover_says_why_and_reserves_nothing(string what, string change, string code)
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var officer = await app.ClientForAsync(Role.ComplianceOfficer);
        var sales = await app.ClientForAsync(Role.Sales);
        if (what == "license")
        {
            var license = LicenseSamples.License();
            foreach (var (key, value) in JsonNode.Parse(change)!.AsObject())
            {
                license[key] = value?.DeepClone();
            }

            await LicenseSamples.CreateAsync(officer, license);
        }

        var order = await Responses.JsonAsync(await sales.SendAsync(LicenseSamples.PostOrder(LicenseSamples.Order(quantity: 100), "k1")), HttpStatusCode.Created);

        Assert.Equal("license-required", order.GetProperty("status").GetString());
        var coverage = order.GetProperty("lines")[0].GetProperty("license");
        Assert.Equal("not-covered", coverage.GetProperty("status").GetString());
        Assert.Equal([code], coverage.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()));
        Assert.Equal(0, await app.QueryAsync(db => db.LicenseReservations.CountAsync()));
    }

    [Fact]
    public async Task A_waiting_order_is_licensed_when_a_license_arrives_and_waits_again_when_it_is_revoked()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var officer = await app.ClientForAsync(Role.ComplianceOfficer);
        var sales = await app.ClientForAsync(Role.Sales);
        var orderId = (await Responses.JsonAsync(await sales.SendAsync(LicenseSamples.PostOrder(LicenseSamples.Order(quantity: 100), "k1")), HttpStatusCode.Created)).GetProperty("id").GetInt64();

        var licenseId = await LicenseSamples.CreateAsync(officer, LicenseSamples.License());
        var licensed = await Responses.JsonAsync(await sales.GetAsync($"/api/orders/{orderId}"), HttpStatusCode.OK);
        var revoked = await Responses.JsonAsync(await officer.PostAsJsonAsync($"/api/licenses/{licenseId}/revoke", new { reason = "BIS letter of 2025-10-01" }), HttpStatusCode.OK);
        var waiting = await Responses.JsonAsync(await sales.GetAsync($"/api/orders/{orderId}"), HttpStatusCode.OK);

        Assert.Equal("licensed", licensed.GetProperty("status").GetString());
        Assert.Equal(("revoked", 0L), (revoked.GetProperty("status").GetString(), revoked.GetProperty("lines")[0].GetProperty("quantityReserved").GetInt64()));
        Assert.Equal("license-required", waiting.GetProperty("status").GetString());
        Assert.Equal("no-license", waiting.GetProperty("lines")[0].GetProperty("license").GetProperty("reasons")[0].GetProperty("code").GetString());
        await Responses.JsonAsync(await officer.PostAsJsonAsync($"/api/licenses/{licenseId}/revoke", new { reason = "again" }), HttpStatusCode.Conflict);
        Assert.True((await Responses.JsonAsync(await app.AdminClient().GetAsync("/api/audit/verify"), HttpStatusCode.OK)).GetProperty("ok").GetBoolean());
    }

    [Fact]
    public async Task An_amendment_with_a_reason_rematches_orders_and_one_without_a_reason_is_refused()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var officer = await app.ClientForAsync(Role.ComplianceOfficer);
        var sales = await app.ClientForAsync(Role.Sales);
        var licenseId = await LicenseSamples.CreateAsync(officer, LicenseSamples.License(quantity: 150));
        var first = (await Responses.JsonAsync(await sales.SendAsync(LicenseSamples.PostOrder(LicenseSamples.Order("A", quantity: 100), "a")), HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var second = await Responses.JsonAsync(await sales.SendAsync(LicenseSamples.PostOrder(LicenseSamples.Order("B", quantity: 100), "b")), HttpStatusCode.Created);
        Assert.Equal("quantity-exhausted", second.GetProperty("lines")[0].GetProperty("license").GetProperty("reasons")[0].GetProperty("code").GetString());

        await Responses.JsonAsync(await officer.PostAsJsonAsync($"/api/licenses/{licenseId}/amend", new { license = LicenseSamples.License(quantity: 200) }), HttpStatusCode.BadRequest);
        var amended = await Responses.JsonAsync(await officer.PostAsJsonAsync($"/api/licenses/{licenseId}/amend",
            new { reason = "BIS amendment A1: quantity 200", license = LicenseSamples.License(quantity: 200) }), HttpStatusCode.OK);

        Assert.Equal((200L, 200L, 0L), (amended.GetProperty("lines")[0].GetProperty("quantity").GetInt64(),
            amended.GetProperty("lines")[0].GetProperty("quantityReserved").GetInt64(), amended.GetProperty("lines")[0].GetProperty("quantityLeft").GetInt64()));
        foreach (var id in new[] { first, second.GetProperty("id").GetInt64() })
        {
            Assert.Equal("licensed", (await Responses.JsonAsync(await sales.GetAsync($"/api/orders/{id}"), HttpStatusCode.OK)).GetProperty("status").GetString());
        }

        Assert.Equal(1, await app.QueryAsync(db => db.AuditEvents.CountAsync(e => e.Action == "license.amended")));
        Assert.True((await Responses.JsonAsync(await app.AdminClient().GetAsync("/api/audit/verify"), HttpStatusCode.OK)).GetProperty("ok").GetBoolean());
    }

    [Fact]
    public async Task Two_hundred_concurrent_orders_on_two_instances_reserve_exactly_what_one_license_line_allows()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        await using var second = app.SecondInstance();
        var officer = await app.ClientForAsync(Role.ComplianceOfficer);
        var (_, key) = await app.CreateUserAsync(Role.Sales);
        var licenseId = await LicenseSamples.CreateAsync(officer, LicenseSamples.License(quantity: 150));
        HttpClient[] clients = [app.ClientWithKey(key), second.ClientWithKey(key)];
        // 32 requests in flight keep both instances' group commits contending for the line without exhausting the
        // connection pools of a loaded 2-core test machine (all 200 at once, and 64 at once beside another test run,
        // timed out acquiring PostgreSQL connections: a 500, which the service should answer as 503; not fixed yet).
        using var inFlight = new SemaphoreSlim(32);

        var answers = await Task.WhenAll(Enumerable.Range(0, 200).Select(async i =>
        {
            await inFlight.WaitAsync();
            try
            {
                return await Responses.JsonAsync(await clients[i % 2].SendAsync(LicenseSamples.PostOrder(LicenseSamples.Order($"C-{i}", quantity: 1), $"c-{i}")), HttpStatusCode.Created);
            }
            finally
            {
                inFlight.Release();
            }
        }));

        Assert.Equal(150, answers.Count(a => a.GetProperty("status").GetString() == "licensed"));
        Assert.Equal(50, answers.Count(a => a.GetProperty("lines")[0].GetProperty("license").GetProperty("reasons").EnumerateArray()
            .Any(r => r.GetProperty("code").GetString() == "quantity-exhausted")));
        var line = (await Responses.JsonAsync(await officer.GetAsync($"/api/licenses/{licenseId}"), HttpStatusCode.OK)).GetProperty("lines")[0];
        Assert.Equal((150L, 0L), (line.GetProperty("quantityReserved").GetInt64(), line.GetProperty("quantityLeft").GetInt64()));
        Assert.Equal(150, await app.QueryAsync(db => db.LicenseReservations.CountAsync(r => !r.Released)));
        Assert.True((await Responses.JsonAsync(await app.AdminClient().GetAsync("/api/audit/verify"), HttpStatusCode.OK)).GetProperty("ok").GetBoolean());
    }

    [Fact]
    public async Task The_watch_lists_licenses_at_most_90_days_from_expiry_lines_at_least_90_percent_used_and_orders_waiting_with_their_reasons()
    {
        // The test clock reads 2026-06-01: 2026-08-30 is 90 days away, 2026-08-31 is 91.
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var officer = await app.ClientForAsync(Role.ComplianceOfficer);
        var sales = await app.ClientForAsync(Role.Sales);
        await LicenseSamples.CreateAsync(officer, LicenseSamples.License("Q-900"));
        await Responses.JsonAsync(await sales.SendAsync(LicenseSamples.PostOrder(LicenseSamples.Order("W-1", quantity: 900), "w-1")), HttpStatusCode.Created);
        await LicenseSamples.CreateAsync(officer, LicenseSamples.License("Q-899"));
        await Responses.JsonAsync(await sales.SendAsync(LicenseSamples.PostOrder(LicenseSamples.Order("W-2", quantity: 899), "w-2")), HttpStatusCode.Created);
        var waiting = await Responses.JsonAsync(await sales.SendAsync(LicenseSamples.PostOrder(LicenseSamples.Order("W-3", quantity: 200), "w-3")), HttpStatusCode.Created);
        await Responses.JsonAsync(await sales.SendAsync(LicenseSamples.PostOrder(LicenseSamples.Order("W-4", quantity: 1, buyer: "Tencent Cloud Computing (Beijing) Co., Ltd."), "w-4")), HttpStatusCode.Created);
        // To Vietnam: they cover none of the orders.
        foreach (var (number, validTo) in new[] { ("E-90", "2026-08-30"), ("E-91", "2026-08-31"), ("E-PAST", "2026-05-31") })
        {
            var expiring = LicenseSamples.License(number);
            expiring["validTo"] = validTo;
            expiring["destinations"] = new JsonArray("VN");
            await LicenseSamples.CreateAsync(officer, expiring);
        }

        var viewer = await app.ClientForAsync(Role.Viewer);

        var watch = await Responses.JsonAsync(await viewer.GetAsync("/api/licenses/watch"), HttpStatusCode.OK);

        Assert.Equal(("2026-06-01", 90, 0.9m), (watch.GetProperty("asOf").GetString(), watch.GetProperty("expiryWindowDays").GetInt32(), watch.GetProperty("exhaustionShare").GetDecimal()));
        var expiry = Assert.Single(watch.GetProperty("nearExpiry").EnumerateArray());
        Assert.Equal(("E-90", 90), (expiry.GetProperty("number").GetString(), expiry.GetProperty("daysLeft").GetInt32()));
        var exhausted = Assert.Single(watch.GetProperty("nearExhaustion").EnumerateArray());
        Assert.Equal(("Q-900", 900L, 0.9m), (exhausted.GetProperty("number").GetString(), exhausted.GetProperty("quantityUsed").GetInt64(), exhausted.GetProperty("share").GetDecimal()));
        var orders = watch.GetProperty("waitingOrders").EnumerateArray().ToList();
        Assert.Equal(["W-3", "W-4"], orders.Select(o => o.GetProperty("reference").GetString()));
        Assert.Equal(waiting.GetProperty("id").GetInt64(), orders[0].GetProperty("orderId").GetInt64());
        var line = Assert.Single(orders[0].GetProperty("lines").EnumerateArray());
        Assert.Equal(("NVIDIA H20 (HGX H20)", "quantity-exhausted"), (line.GetProperty("item").GetString(), line.GetProperty("reasons")[0].GetProperty("code").GetString()));
        Assert.Contains(orders[1].GetProperty("lines")[0].GetProperty("reasons").EnumerateArray(), r => r.GetProperty("code").GetString() == "party-not-approved");
    }

    static void Set(JsonObject root, string path, JsonNode? value)
    {
        JsonNode node = root;
        var parts = path.Split('.');
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            var index = part.IndexOf('[', StringComparison.Ordinal);
            var name = index < 0 ? part : part[..index];
            var last = i == parts.Length - 1;
            if (index < 0)
            {
                if (last)
                {
                    node[name] = value;
                    return;
                }

                node = node[name]!;
                continue;
            }

            var position = int.Parse(part[(index + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
            if (last)
            {
                node[name]![position] = value;
                return;
            }

            node = node[name]![position]!;
        }
    }
}
