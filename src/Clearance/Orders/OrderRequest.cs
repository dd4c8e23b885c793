using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Clearance.Audit;

namespace Clearance.Orders;

/// <summary>What makes two submissions under one idempotency key the same request.</summary>
public static class OrderRequest
{
    /// <summary>Lower-hex SHA-256 of the body's canonical JSON (<see cref="AuditChain.CanonicalJson(JsonElement)"/>):
    /// layout, member order and string escapes do not count, every value does. A body that is not JSON is hashed as
    /// its bytes, under a prefix no canonical JSON text has.</summary>
    public static string Hash(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
            return AuditChain.CanonicalHash(document.RootElement);
        }
        catch (JsonException)
        {
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("raw:" + body)));
        }
    }

    /// <summary>Whether <paramref name="requestHash"/> is the request <paramref name="stored"/> was created from.</summary>
    public static bool Matches(Order stored, string requestHash)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return string.Equals(stored.RequestHash ?? Hash(stored.OrderJson), requestHash, StringComparison.Ordinal);
    }
}
