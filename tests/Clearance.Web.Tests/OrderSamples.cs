using System.Text;

namespace Clearance.Web.Tests;

/// <summary>Orders EX-02 (cleared) and EX-10 (held: the end user Sugon is on the Entity List) of examples/orders.json.</summary>
static class OrderSamples
{
    public const string Cleared = """
        {"id": "EX-02", "date": "2024-09-15", "destination": "CN", "endUse": "datacenter", "exporter": "NVIDIA",
         "parties": [{"role": "buyer", "name": "Jiangnan Inference Services Co., Ltd.", "country": "CN", "headquarters": "CN"}],
         "lines": [{"item": "NVIDIA H20 (HGX H20)", "quantity": 512, "unitPrice": 12000}]}
        """;

    public const string Held = """
        {"id": "EX-10", "date": "2024-06-01", "destination": "CN", "endUse": "supercomputer",
         "parties": [{"role": "end-user", "name": "Sugon", "country": "CN", "headquarters": "CN", "address": "Haidian District, Beijing"}],
         "lines": [{"item": "NVIDIA H20 (HGX H20)", "quantity": 16, "unitPrice": 12000}]}
        """;

    public static HttpRequestMessage Post(string body, string? idempotencyKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return request;
    }
}
