using System.Security.Cryptography;
using System.Text;
using Clearance.Orders;
using Clearance.Screening;

namespace Clearance.Parties;

/// <summary>
/// What screening reads of a party, reduced to a key. A change is material when the key changes: the normalised
/// primary name, the set of normalised aliases, or the country. Case, punctuation, spacing, legal-form spelling and
/// alias order normalise away; the address and headquarters do not enter the key (the address only adjusts scores, and
/// the headquarters is a licensing fact, not a screening one).
/// </summary>
public static class ScreeningSubject
{
    /// <summary>The key over the name, the aliases and the country.</summary>
    public static string Key(string name, IEnumerable<string> aliases, string? country)
    {
        var normalized = aliases.Select(Normalize).Where(a => a.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return Hash($"{Normalize(name)}\n{string.Join('\n', normalized)}\n{country?.ToUpperInvariant()}");
    }

    /// <summary>The key over the primary name and the country alone: a party of an order is recognised by it.</summary>
    public static string NameKey(string name, string? country) => Hash($"{Normalize(name)}\n{country?.ToUpperInvariant()}");

    /// <summary>The <see cref="NameKey"/> of each party of an order and of each of their owners.</summary>
    public static IEnumerable<string> NameKeys(OrderInput order) =>
        order.Parties.SelectMany(p => p.Owners.Select(o => NameKey(o.Name, o.Country)).Prepend(NameKey(p.Name, p.Country)));

    static string Normalize(string name) =>
        NameNormalizer.NormalizePrimary(name.Length > NameNormalizer.MaxLength ? name[..NameNormalizer.MaxLength] : name).Full;

    static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
