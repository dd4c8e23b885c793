using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

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
}
