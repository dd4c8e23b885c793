using Clearance.Input;
using Clearance.Orders;
using Clearance.Screening;

namespace Clearance.Lists;

/// <summary>Reads OFAC's legacy CSV set: sdn.csv (required), alt.csv, add.csv and sdn_comments.csv (optional).</summary>
/// <remarks>No header (columns are read by position); missing values are <c>-0-</c>; individuals are written "SURNAME, Given".</remarks>
public static class OfacLegacyReader
{
    public const string SdnList = "Specially Designated Nationals (SDN) - Treasury Department";

    public static List<ListEntry> Read(string folder, string version, CountryCodes countries, List<InputProblem> problems)
    {
        var sdnPath = Path.Combine(folder, "sdn.csv");
        if (!File.Exists(sdnPath))
        {
            throw new ListFormatException($"{folder}: an OFAC legacy folder must contain sdn.csv");
        }

        var aliases = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var addresses = new Dictionary<string, List<ListAddress>>(StringComparer.Ordinal);
        ReadSide(Path.Combine(folder, "alt.csv"), 4, problems, (id, f) => Add(aliases, id, f[3]));
        ReadSide(Path.Combine(folder, "add.csv"), 5, problems, (id, f) => Add(addresses, id, new ListAddress(
            Value(f[2]), Value(f[3]), "", "", countries.ToCode(Value(f[4])) is { Length: > 0 } code ? code : Value(f[4]))));
        var commented = new HashSet<string>(StringComparer.Ordinal);
        ReadSide(Path.Combine(folder, "sdn_comments.csv"), 2, problems, (id, _) => commented.Add(id));

        var entries = new List<ListEntry>();
        using var table = new CsvTable(CsvTable.OpenText(File.OpenRead(sdnPath)), sdnPath);
        foreach (var (line, fields) in table.Rows(problems))
        {
            if (IsEndOfFileMarker(fields))
            {
                continue;
            }

            if (fields.Length < 4)
            {
                problems.Add(InputProblem.AtLine(sdnPath, line, $"expected 12 columns, found {fields.Length}"));
                continue;
            }

            var id = fields[0].Trim();
            var name = Value(fields[1]);
            if (!long.TryParse(id, out _))
            {
                problems.Add(InputProblem.AtLine(sdnPath, line, $"column 'ent_num': '{id}' is not a number"));
                continue;
            }

            if (name.Length == 0 || name.Length > NameNormalizer.MaxLength)
            {
                problems.Add(InputProblem.AtLine(sdnPath, line, name.Length == 0 ? "column 'SDN_Name' is empty"
                    : $"column 'SDN_Name' is longer than {NameNormalizer.MaxLength} characters"));
                continue;
            }

            var type = Value(fields[2]).ToUpperInvariant() switch
            {
                "INDIVIDUAL" => PartyType.Individual,
                "VESSEL" => PartyType.Vessel,
                "AIRCRAFT" => PartyType.Aircraft,
                _ => PartyType.Entity,
            };
            var entryAddresses = addresses.GetValueOrDefault(id) ?? [];
            entries.Add(new ListEntry
            {
                Id = id,
                Name = name,
                Aliases = aliases.GetValueOrDefault(id) ?? [],
                Type = type,
                Addresses = entryAddresses,
                Countries = entryAddresses.Select(a => a.Country).Where(c => c.Length == 2).Distinct(StringComparer.Ordinal).ToList(),
                Programs = Value(fields[3]).Split("] [", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                    .Select(p => p.Trim('[', ']')).ToList(),
                List = SdnList,
                ListVersion = version,
            });
        }

        ThrowIfUnreadable(table);
        return entries;
    }

    static void ReadSide(string path, int columns, List<InputProblem> problems, Action<string, string[]> add)
    {
        if (!File.Exists(path))
        {
            return;
        }

        using var table = new CsvTable(CsvTable.OpenText(File.OpenRead(path)), path);
        foreach (var (line, fields) in table.Rows(problems))
        {
            if (IsEndOfFileMarker(fields))
            {
                continue;
            }

            if (fields.Length < columns || !long.TryParse(fields[0].Trim(), out _))
            {
                problems.Add(InputProblem.AtLine(path, line, fields.Length < columns
                    ? $"expected at least {columns} columns, found {fields.Length}"
                    : $"column 'ent_num': '{fields[0].Trim()}' is not a number"));
                continue;
            }

            add(fields[0].Trim(), fields);
        }

        ThrowIfUnreadable(table);
    }

    static void ThrowIfUnreadable(CsvTable table)
    {
        if (table.Unreadable is { } unreadable)
        {
            throw new ListFormatException(unreadable.ToString());
        }
    }

    /// <summary>OFAC's files end with a DOS end-of-file byte (0x1A) on a line of its own.</summary>
    static bool IsEndOfFileMarker(string[] fields) => fields.Length == 1 && fields[0].Trim() is "\u001A" or "";

    static string Value(string field)
    {
        var value = field.Trim();
        return value == "-0-" ? "" : value;
    }

    static void Add<T>(Dictionary<string, List<T>> map, string id, T value)
    {
        if (value is string s && (s.Trim() == "-0-" || s.Trim().Length == 0 || s.Trim().Length > NameNormalizer.MaxLength))
        {
            return;
        }

        if (!map.TryGetValue(id, out var list))
        {
            list = [];
            map[id] = list;
        }

        list.Add(value is string text ? (T)(object)text.Trim() : value);
    }
}
