using Clearance.Screening;

namespace Clearance.Lists;

/// <summary>Parsing of the CSL's multi-valued cells, shared by the CSV and JSON readers.</summary>
static class CslFields
{
    static readonly string[] SuccessorClauses = ["; and any successor", ", and any successor", " and any successor, sub-unit"];

    /// <summary>Splits a <c>; </c>-joined cell, dropping empty parts.</summary>
    public static string[] Split(string cell) =>
        cell.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The name without the ISN "; and any successor, sub-unit, or subsidiary thereof" clause.</summary>
    public static string CleanName(string name)
    {
        foreach (var clause in SuccessorClauses)
        {
            var at = name.IndexOf(clause, StringComparison.OrdinalIgnoreCase);
            if (at > 0)
            {
                name = name[..at];
            }
        }

        return name.Trim().TrimEnd(';', ',').Trim();
    }

    /// <summary>Aliases from an <c>alt_names</c> cell: "; and X" and "a.k.a." prefixes removed.</summary>
    public static List<string> Aliases(IEnumerable<string> parts)
    {
        var aliases = new List<string>();
        foreach (var raw in parts)
        {
            var alias = raw.Trim();
            foreach (var prefix in (string[])["and ", "a.k.a. ", "a.k.a., ", "aka ", "f.k.a. ", "n.k.a. "])
            {
                if (alias.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                {
                    alias = alias[prefix.Length..].Trim();
                }
            }

            alias = CleanName(alias.Trim('\'', '"', ' ', ','));
            if (alias.Length > 0 && alias.Length <= NameNormalizer.MaxLength)
            {
                aliases.Add(alias);
            }
        }

        return aliases;
    }

    /// <summary>An address cell part "street, city, [state,] [postal,] CC".</summary>
    public static ListAddress Address(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            return new ListAddress("", "", "", "", "");
        }

        var country = parts[^1].Length == 2 && parts[^1].All(char.IsAsciiLetterUpper) ? parts[^1] : "";
        var rest = country.Length > 0 ? parts[..^1] : parts;
        var city = rest.Length >= 2 ? rest[^1] : "";
        var street = string.Join(", ", rest.Length >= 2 ? rest[..^1] : rest);
        return new ListAddress(street, city, "", "", country);
    }

    public static PartyType Type(string type) => type.Trim().ToUpperInvariant() switch
    {
        "INDIVIDUAL" => PartyType.Individual,
        "ENTITY" => PartyType.Entity,
        "VESSEL" => PartyType.Vessel,
        "AIRCRAFT" => PartyType.Aircraft,
        _ => PartyType.Unknown,
    };

    /// <summary>ISO-2 codes among the values (CSL citizenships and nationalities are ISO-2).</summary>
    public static IEnumerable<string> Codes(IEnumerable<string> values) =>
        values.Select(v => v.Trim()).Where(v => v.Length == 2 && v.All(char.IsAsciiLetterUpper));
}
