using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Clearance.Rules;

/// <summary>
/// The one naming of enum values wherever they are written as text: in JSON (the HTTP API, <c>evaluate</c>), in the
/// database and in query strings. A value is named in kebab case (<c>LicenseRequired</c> is <c>license-required</c>)
/// unless its member carries <see cref="JsonStringEnumMemberNameAttribute"/> (<c>NAC</c>).
/// </summary>
public static class WireNames
{
    /// <summary>The converter the service's JSON options use for every enum.</summary>
    public static JsonStringEnumConverter Converter { get; } = new(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false);

    static readonly JsonSerializerOptions Options = new() { Converters = { Converter } };

    /// <summary>The value's wire name (<c>OrderStatus.LicenseRequired.Name()</c> is <c>license-required</c>).</summary>
    public static string Name<T>(this T value)
        where T : struct, Enum => Names<T>.ByValue[value];

    /// <summary>The value of a wire name, or null when <paramref name="name"/> names none (input to be refused).</summary>
    public static T? Parse<T>(string? name)
        where T : struct, Enum => name is not null && Names<T>.ByName.TryGetValue(name, out var value) ? value : null;

    /// <summary>The value of a name read from the database, where an unknown name means the data is damaged.</summary>
    public static T ParseStored<T>(string name)
        where T : struct, Enum => Parse<T>(name) ?? throw new InvalidDataException($"unknown {typeof(T).Name} '{name}' in the database");

    /// <summary>As <see cref="ParseStored{T}"/>, also reading a member's C# name (<c>CslCsv</c>), which columns written
    /// before their values had wire names still hold.</summary>
    public static T ParseStoredOrMemberName<T>(string name)
        where T : struct, Enum => Parse<T>(name) ?? (name is not null && Names<T>.ByMemberName.TryGetValue(name, out var value)
            ? value
            : throw new InvalidDataException($"unknown {typeof(T).Name} '{name}' in the database"));

    /// <summary>Every value's name, in declaration order.</summary>
    public static IReadOnlyList<string> All<T>()
        where T : struct, Enum => Names<T>.InOrder;

    static class Names<T>
        where T : struct, Enum
    {
        public static readonly FrozenDictionary<T, string> ByValue =
            Enum.GetValues<T>().ToFrozenDictionary(v => v, v => JsonSerializer.Deserialize<string>(JsonSerializer.Serialize(v, Options))!);

        public static readonly FrozenDictionary<string, T> ByName = ByValue.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

        public static readonly FrozenDictionary<string, T> ByMemberName =
            Enum.GetValues<T>().ToFrozenDictionary(v => v.ToString(), v => v, StringComparer.Ordinal);

        public static readonly IReadOnlyList<string> InOrder = [.. Enum.GetValues<T>().Select(v => ByValue[v])];
    }
}
