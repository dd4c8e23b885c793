using System.Text.Json;

namespace Clearance.Orders;

/// <summary>The ISO 3166-1 alpha-2 codes shipped in <c>data/rules/iso3166-1.json</c>.</summary>
public sealed class CountryCodes
{
    readonly Dictionary<string, string> _names;

    CountryCodes(Dictionary<string, string> names) => _names = names;

    public int Count => _names.Count;

    public bool IsKnown(string code) => _names.ContainsKey(code);

    public string? Name(string code) => _names.GetValueOrDefault(code);

    /// <exception cref="InvalidDataException">The document is not <c>{"countries": [{"alpha2", "name"}, ...]}</c>; the message names the JSON path.</exception>
    public static CountryCodes Parse(string json)
    {
        var path = "$";
        try
        {
            using var document = JsonDocument.Parse(json);
            var names = new Dictionary<string, string>(StringComparer.Ordinal);
            path = "$.countries";
            var index = 0;
            foreach (var country in document.RootElement.GetProperty("countries").EnumerateArray())
            {
                path = $"$.countries[{index++}]";
                names[country.GetProperty("alpha2").GetString()!] = country.GetProperty("name").GetString()!;
            }

            return new CountryCodes(names);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new InvalidDataException($"iso3166-1.json: {path}: {e.Message}", e);
        }
    }
}
