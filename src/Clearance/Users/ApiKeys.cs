using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Clearance.Users;

public static class ApiKeys
{
    const string Marker = "clr_";
    public const int PrefixLength = 12;

    /// <summary>A new key: a marker (so secret scanners can spot a leaked one) and 256 random bits, base64url.</summary>
    public static string Generate() => Marker + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>
    /// What may be shown of a key: the marker and 8 of its 43 random characters for a generated key; nothing of a key an
    /// operator configured, whose length and alphabet are unknown.
    /// </summary>
    public static string Prefix(string key) =>
        key.StartsWith(Marker, StringComparison.Ordinal) && key.Length > PrefixLength ? key[..PrefixLength] : "configured";
}
