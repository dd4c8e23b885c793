using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Clearance.Users;

namespace Clearance.Web.Tests;

/// <summary>An H20 order to China after the is-informed letter (license-required) and a license that covers it.</summary>
static class LicenseSamples
{
    public const string Buyer = "Jiangnan Inference Services Co., Ltd.";

    public static JsonObject Order(string id = "LIC-1", string date = "2025-09-01", long quantity = 100, decimal unitPrice = 12000m, string buyer = Buyer,
        string destination = "CN", string item = "NVIDIA H20 (HGX H20)") => new()
        {
            ["id"] = id,
            ["date"] = date,
            ["destination"] = destination,
            ["endUse"] = "datacenter",
            ["exporter"] = "NVIDIA",
            ["parties"] = new JsonArray(new JsonObject { ["role"] = "buyer", ["name"] = buyer, ["country"] = destination, ["headquarters"] = destination }),
            ["lines"] = new JsonArray(new JsonObject { ["item"] = item, ["quantity"] = quantity, ["unitPrice"] = unitPrice }),
        };

    public static JsonObject License(string number = "D1234567", long quantity = 1000, decimal value = 12_000_000m) => new()
    {
        ["number"] = number,
        ["type"] = "license",
        ["holder"] = "NVIDIA",
        ["validFrom"] = "2025-08-08",
        ["validTo"] = "2027-08-07",
        ["destinations"] = new JsonArray("CN"),
        // Written differently from the order (case, punctuation, legal form): matched by the screening normaliser.
        ["parties"] = new JsonArray(new JsonObject { ["name"] = "JIANGNAN INFERENCE SERVICES CO LTD", ["country"] = "CN" }),
        ["lines"] = new JsonArray(new JsonObject { ["item"] = "NVIDIA H20 (HGX H20)", ["quantity"] = quantity, ["value"] = value }),
        ["conditions"] = new JsonArray(new JsonObject { ["kind"] = "revenue-share", ["rate"] = 0.15 }),
    };

    public static HttpRequestMessage PostOrder(JsonObject order, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders") { Content = new StringContent(order.ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    public static async Task<long> CreateAsync(HttpClient officer, JsonObject license) =>
        (await Responses.JsonAsync(await officer.PostAsJsonAsync("/api/licenses", license), HttpStatusCode.Created)).GetProperty("id").GetInt64();

    /// <summary>The revenue-share license, an order of 100 units it covers (matched on the clock's day) and 40 of them
    /// shipped three days later on an invoice of 1,200,000.30 dated 2025-09-17.</summary>
    public static async Task<(long LicenseId, long OrderId)> ShippedAsync(ClearanceApp app)
    {
        var officer = await app.ClientForAsync(Role.ComplianceOfficer);
        var sales = await app.ClientForAsync(Role.Sales);
        var licenseId = await CreateAsync(officer, License());
        var order = await Responses.JsonAsync(await sales.SendAsync(PostOrder(Order(quantity: 100), "o1")), HttpStatusCode.Created);
        var orderId = order.GetProperty("id").GetInt64();
        app.Clock.Advance(TimeSpan.FromDays(3));
        var body = new JsonObject
        {
            ["lines"] = new JsonArray(new JsonObject { ["line"] = 0, ["quantity"] = 40 }),
            ["invoice"] = new JsonObject { ["number"] = "INV-2025-0917", ["date"] = "2025-09-17", ["amount"] = 1_200_000.30m },
        };
        var ship = new HttpRequestMessage(HttpMethod.Post, $"/api/orders/{orderId}/shipments") { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
        ship.Headers.Add("Idempotency-Key", "s1");
        await Responses.JsonAsync(await sales.SendAsync(ship), HttpStatusCode.Created);
        return (licenseId, orderId);
    }
}
