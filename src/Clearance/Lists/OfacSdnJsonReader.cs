using System.Text.Json;
using Clearance.Input;
using Clearance.Screening;

namespace Clearance.Lists;

/// <summary>Reads the OFAC SDN as a JSON object with <c>entries</c> (each with <c>uid</c> = SDN entity number,
/// <c>name</c>, <c>aliases</c>, <c>program</c> as in sdn.csv, <c>type</c>), the layout of the 2026-07 SDN snapshot
/// (data/PROVENANCE.md). It carries names and aliases only: no addresses, so no country can narrow a match.</summary>
public static class OfacSdnJsonReader
{
    public static List<ListEntry> Read(Stream stream, string file, string version, List<InputProblem> problems)
    {
        using var document = ListJson.Parse(stream, file);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("entries", out var records) || records.ValueKind != JsonValueKind.Array)
        {
            throw new ListFormatException($"{file}: $.entries: expected an array of SDN entries");
        }

        var entries = new List<ListEntry>();
        var index = -1;
        foreach (var record in records.EnumerateArray())
        {
            index++;
            var problem = ListJson.Problem(file, index, $"$.entries[{index}]");
            if (record.ValueKind != JsonValueKind.Object)
            {
                problems.Add(problem("", "is not an object"));
                continue;
            }

            if (!ListJson.TryText(record, "uid", out var uid, allowNumber: true) || !ListJson.TryText(record, "name", out var name)
                || !ListJson.TryText(record, "program", out var program) || !ListJson.TryText(record, "type", out var type))
            {
                problems.Add(problem(ListJson.FirstNonText(record, "uid", "name", "program", "type"), "is not a string"));
                continue;
            }

            if (!ListJson.TryTexts(record, "aliases", out var aliases))
            {
                problems.Add(problem(".aliases", "is not an array of strings"));
                continue;
            }

            if (uid.Length == 0 || !uid.All(char.IsAsciiDigit))
            {
                problems.Add(problem(".uid", $"'{uid}' is not an SDN entity number"));
                continue;
            }

            if (name.Length == 0 || name.Length > NameNormalizer.MaxLength)
            {
                problems.Add(problem(".name", name.Length == 0 ? "is empty" : $"is longer than {NameNormalizer.MaxLength} characters"));
                continue;
            }

            entries.Add(new ListEntry
            {
                Id = uid,
                Name = name,
                Aliases = [.. aliases.Where(a => a.Length is > 0 and <= NameNormalizer.MaxLength && a != "-0-")],
                Type = type.ToUpperInvariant() switch
                {
                    "INDIVIDUAL" => PartyType.Individual,
                    "VESSEL" => PartyType.Vessel,
                    "AIRCRAFT" => PartyType.Aircraft,
                    _ => PartyType.Entity,
                },
                Programs = [.. program.Split("] [", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(p => p.Trim('[', ']'))],
                List = OfacLegacyReader.SdnList,
                ListVersion = version,
            });
        }

        return entries;
    }
}
