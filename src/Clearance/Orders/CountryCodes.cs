using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Clearance.Orders;

/// <summary>Countries, in one place: the ISO 3166-1 alpha-2 codes and names of <c>rules/iso3166-1.json</c>, and the
/// other spellings restricted-party lists use for them (<c>country-aliases.json</c>). Loaded with the rest of the data
/// folder by <see cref="ClearanceData.Load(ClearanceDataOptions)"/> (<see cref="ClearanceData.Countries"/>).</summary>
public sealed class CountryCodes
{
    /// <summary>The ISO 3166-1 file, relative to the data folder.</summary>
    public const string IsoFile = "rules/iso3166-1.json";

    /// <summary>The list spellings, relative to the data folder.</summary>
    public const string AliasesFile = "country-aliases.json";

    readonly Dictionary<string, string> _names;
    readonly Dictionary<string, string> _codesByName;

    CountryCodes(Dictionary<string, string> names, Dictionary<string, string> codesByName)
    {
        _names = names;
        _codesByName = codesByName;
        Fingerprint = FingerprintOf(names, codesByName);
    }

    public int Count => _names.Count;

    /// <summary>A SHA-256 (hex) of every code, name and spelling: equal tables have equal fingerprints (the list cache
    /// keys on it, since list entries carry the codes their country names were read as).</summary>
    public string Fingerprint { get; }

    public bool IsKnown(string code) => _names.ContainsKey(code);

    public string? Name(string code) => _names.GetValueOrDefault(code);

    /// <summary>The ISO 3166-1 alpha-2 code for a country's code, ISO name or list spelling (any case), or empty when it
    /// names no ISO 3166-1 country.</summary>
    public string ToCode(string country)
    {
        ArgumentNullException.ThrowIfNull(country);
        var key = country.Trim().ToUpperInvariant();
        if (key.Length == 2)
        {
            return _names.ContainsKey(key) ? key : "";
        }

        return _codesByName.GetValueOrDefault(key, "");
    }

    /// <summary>The countries of an ISO 3166-1 file and, when given, an aliases file. A malformed file, an alias that
    /// names no ISO code, or one spelling given two codes, is an <see cref="InvalidDataException"/> naming the file (as
    /// <paramref name="isoFile"/> or <paramref name="aliasesFile"/>) and the JSON path.</summary>
    public static CountryCodes Parse(string isoJson, string? aliasesJson = null, string isoFile = "iso3166-1.json", string aliasesFile = AliasesFile)
    {
        ArgumentNullException.ThrowIfNull(isoJson);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var codesByName = new Dictionary<string, string>(StringComparer.Ordinal);
        var path = "$";
        try
        {
            using var iso = JsonDocument.Parse(isoJson);
            path = "$.countries";
            var at = 0;
            foreach (var country in iso.RootElement.GetProperty("countries").EnumerateArray())
            {
                path = $"$.countries[{at++}]";
                var code = Text(country, "alpha2", isoFile, path);
                var name = Text(country, "name", isoFile, path);
                names[code] = name;
                codesByName[name.ToUpperInvariant()] = code;
            }
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new InvalidDataException($"{isoFile}: {path}: {Problem(e)}", e);
        }

        if (aliasesJson is null)
        {
            return new CountryCodes(names, codesByName);
        }

        path = "$";
        try
        {
            using var aliases = JsonDocument.Parse(aliasesJson);
            path = "$.aliases";
            var index = 0;
            foreach (var alias in aliases.RootElement.GetProperty("aliases").EnumerateArray())
            {
                path = $"$.aliases[{index++}]";
                var name = Text(alias, "name", aliasesFile, path);
                var code = Text(alias, "alpha2", aliasesFile, path);
                if (!names.ContainsKey(code))
                {
                    throw new InvalidDataException($"{aliasesFile}: {path}.alpha2: '{code}' is not an ISO 3166-1 alpha-2 code");
                }

                var key = name.Trim().ToUpperInvariant();
                if (key.Length <= 2)
                {
                    throw new InvalidDataException($"{aliasesFile}: {path}.name: '{name}' is not a country name");
                }

                if (codesByName.TryGetValue(key, out var other) && other != code)
                {
                    throw new InvalidDataException($"{aliasesFile}: {path}.name: '{name}' already stands for {other}");
                }

                codesByName[key] = code;
            }
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new InvalidDataException($"{aliasesFile}: {path}: {Problem(e)}", e);
        }

        return new CountryCodes(names, codesByName);
    }

    // GetProperty's KeyNotFoundException says only "The given key was not present in the dictionary."
    static string Problem(Exception e) => e is KeyNotFoundException ? "a required property is missing" : e.Message;

    static string Text(JsonElement element, string property, string file, string path) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new InvalidDataException($"{file}: {path}.{property}: expected a string");

    static string FingerprintOf(Dictionary<string, string> names, Dictionary<string, string> codesByName)
    {
        var text = new StringBuilder();
        foreach (var (code, name) in names.OrderBy(n => n.Key, StringComparer.Ordinal))
        {
            text.Append(code).Append('\t').Append(name).Append('\n');
        }

        text.Append('\n');
        foreach (var (name, code) in codesByName.OrderBy(n => n.Key, StringComparer.Ordinal))
        {
            text.Append(name).Append('\t').Append(code).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
