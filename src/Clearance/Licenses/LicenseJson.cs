using System.Text.Json;
using System.Text.Json.Serialization;

namespace Clearance.Licenses;

/// <summary>The stored JSON of license terms and order-line coverage.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(LicenseTerms))]
[JsonSerializable(typeof(List<LicenseCoverage>))]
[JsonSerializable(typeof(ApplicationContent))]
[JsonSerializable(typeof(ApplicationDecision))]
public sealed partial class LicenseJson : JsonSerializerContext
{
    public static string Write(LicenseTerms terms) => JsonSerializer.Serialize(terms, Default.LicenseTerms);

    public static LicenseTerms ReadTerms(string json) =>
        JsonSerializer.Deserialize(json, Default.LicenseTerms) ?? throw new InvalidDataException("license terms stored as null");

    public static string Write(List<LicenseCoverage> coverage) => JsonSerializer.Serialize(coverage, Default.ListLicenseCoverage);

    public static string Write(ApplicationContent content) => JsonSerializer.Serialize(content, Default.ApplicationContent);

    public static ApplicationContent ReadContent(string json) =>
        JsonSerializer.Deserialize(json, Default.ApplicationContent) ?? throw new InvalidDataException("application stored as null");

    public static string Write(ApplicationDecision decision) => JsonSerializer.Serialize(decision, Default.ApplicationDecision);

    public static ApplicationDecision? ReadDecision(string? json) => json is null ? null : JsonSerializer.Deserialize(json, Default.ApplicationDecision);

    public static List<LicenseCoverage> ReadCoverage(string? json) =>
        json is null ? [] : JsonSerializer.Deserialize(json, Default.ListLicenseCoverage) ?? [];
}
