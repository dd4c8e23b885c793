using System.Text.Json;

namespace Clearance.Orders;

/// <summary>Countries, in one place: the ISO 3166-1 alpha-2 codes and names shipped in <c>data/rules/iso3166-1.json</c>,
/// and the other spellings restricted-party lists use for them (<c>data/country-aliases.json</c>).</summary>
public sealed class CountryCodes
{
    public const string IsoFile = "rules/iso3166-1.json";
    public const string AliasesFile = "country-aliases.json";

    static readonly Lazy<CountryCodes> ShippedCodes = new(() => Load(ClearanceData.DefaultDirectory));

    readonly Dictionary<string, string> _names;
    readonly Dictionary<string, string> _codesByName;

    CountryCodes(Dictionary<string, string> names, Dictionary<string, string> codesByName)
    {
        _names = names;
        _codesByName = codesByName;
    }

    /// <summary>The countries shipped with the program.</summary>
    public static CountryCodes Shipped => ShippedCodes.Value;

    public int Count => _names.Count;

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

    /// <summary>Reads <see cref="IsoFile"/> and <see cref="AliasesFile"/> from the data directory.</summary>
    public static CountryCodes Load(string dataDirectory) =>
        Parse(File.ReadAllText(Path.Combine(dataDirectory, IsoFile)), File.ReadAllText(Path.Combine(dataDirectory, AliasesFile)));

    /// <summary>The countries of an ISO 3166-1 file and, when given, an aliases file; an alias that names no ISO code, or
    /// one spelling given two codes, is an <see cref="InvalidDataException"/> naming the alias.</summary>
    public static CountryCodes Parse(string isoJson, string? aliasesJson = null)
    {
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
                var code = country.GetProperty("alpha2").GetString()!;
                var name = country.GetProperty("name").GetString()!;
                names[code] = name;
                codesByName[name.ToUpperInvariant()] = code;
            }
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new InvalidDataException($"iso3166-1.json: {path}: {e.Message}", e);
        }

        if (aliasesJson is null)
        {
            return new CountryCodes(names, codesByName);
        }

        using var aliases = JsonDocument.Parse(aliasesJson);
        var index = 0;
        foreach (var alias in aliases.RootElement.GetProperty("aliases").EnumerateArray())
        {
            var name = alias.GetProperty("name").GetString() ?? "";
            var code = alias.GetProperty("alpha2").GetString() ?? "";
            var at = $"{AliasesFile}: $.aliases[{index++}]";
            if (!names.ContainsKey(code))
            {
                throw new InvalidDataException($"{at}.alpha2: '{code}' is not an ISO 3166-1 alpha-2 code");
            }

            var key = name.Trim().ToUpperInvariant();
            if (key.Length <= 2)
            {
                throw new InvalidDataException($"{at}.name: '{name}' is not a country name");
            }

            if (codesByName.TryGetValue(key, out var other) && other != code)
            {
                throw new InvalidDataException($"{at}.name: '{name}' already stands for {other}");
            }

            codesByName[key] = code;
        }

        return new CountryCodes(names, codesByName);
    }
}
