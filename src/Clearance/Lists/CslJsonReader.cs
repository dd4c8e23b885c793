using System.Text.Json;
using Clearance.Input;
using Clearance.Orders;
using Clearance.Screening;

namespace Clearance.Lists;

/// <summary>Reads the trade.gov Consolidated Screening List in its JSON form (an array, or an object with "results").</summary>
public static class CslJsonReader
{
    public static List<ListEntry> Read(Stream stream, string file, string version, CountryCodes countries, List<InputProblem> problems)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(stream, new JsonDocumentOptions { AllowTrailingCommas = true, MaxDepth = 64, AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            throw new ListFormatException($"{file}:{(e.LineNumber ?? 0) + 1}: not valid JSON ({e.Message})");
        }

        using (document)
        {
            var root = document.RootElement;
            var results = root.ValueKind == JsonValueKind.Array ? root
                : root.ValueKind == JsonValueKind.Object && root.TryGetProperty("results", out var r) && r.ValueKind == JsonValueKind.Array ? r
                : throw new ListFormatException($"{file}:1: expected a JSON array of CSL records or an object with 'results'");
            var entries = new List<ListEntry>();
            var index = 0;
            foreach (var record in results.EnumerateArray())
            {
                index++;
                if (record.ValueKind != JsonValueKind.Object)
                {
                    problems.Add(InputProblem.AtLine(file, index, $"record {index} is not an object"));
                    continue;
                }

                var name = CslFields.CleanName(Text(record, "name"));
                var id = Text(record, "id");
                if (id.Length == 0)
                {
                    id = Text(record, "_id");
                }

                if (name.Length == 0 || id.Length == 0 || name.Length > NameNormalizer.MaxLength)
                {
                    problems.Add(InputProblem.AtLine(file, index, $"record {index}: " + (id.Length == 0 ? "field 'id' is empty"
                        : name.Length == 0 ? "field 'name' is empty" : $"field 'name' is longer than {NameNormalizer.MaxLength} characters")));
                    continue;
                }

                var addresses = new List<ListAddress>();
                if (record.TryGetProperty("addresses", out var list) && list.ValueKind == JsonValueKind.Array)
                {
                    foreach (var a in list.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.Object))
                    {
                        addresses.Add(new ListAddress(Text(a, "address"), Text(a, "city"), Text(a, "state"), Text(a, "postal_code"),
                            countries.ToCode(Text(a, "country"))));
                    }
                }

                entries.Add(new ListEntry
                {
                    Id = id,
                    Name = name,
                    Aliases = CslFields.Aliases(Texts(record, "alt_names")),
                    Type = CslFields.Type(Text(record, "type")),
                    Addresses = addresses,
                    Countries = addresses.Select(a => a.Country).Where(c => c.Length > 0)
                        .Concat(CslFields.Codes(Texts(record, "citizenships"))).Concat(CslFields.Codes(Texts(record, "nationalities")))
                        .Distinct(StringComparer.Ordinal).ToList(),
                    Programs = Texts(record, "programs"),
                    List = Text(record, "source"),
                    FederalRegisterNotice = Text(record, "federal_register_notice"),
                    LicenseRequirement = Text(record, "license_requirement"),
                    LicensePolicy = Text(record, "license_policy"),
                    ListVersion = version,
                });
            }

            return entries;
        }
    }

    static string Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!.Trim(),
            JsonValueKind.Number => value.GetRawText(),
            _ => "",
        } : "";

    static List<string> Texts(JsonElement element, string property)
    {
        if (!element.TryGetProperty(property, out var value))
        {
            return [];
        }

        return value.ValueKind switch
        {
            JsonValueKind.Array => [.. value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!.Trim())],
            JsonValueKind.String => [.. CslFields.Split(value.GetString()!)],
            _ => [],
        };
    }
}
