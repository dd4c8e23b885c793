using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Clearance.Peers.Lists;

/// <summary>
/// Interim name extraction for the peer harness only, used until Clearance's list loaders are merged into this branch:
/// the CSL 2022-05 CSV (primary name and every alias of `alt_names`) plus the OFAC SDN 2024-05 primary names whose
/// entity number the CSL does not already carry. It reads no addresses, programs or remarks.
/// </summary>
public static class InterimListReader
{
    public static IReadOnlyList<ListName> Read(string cslCsv, string sdnCsv)
    {
        var names = new List<ListName>();
        var sdnNumbers = new HashSet<string>(StringComparer.Ordinal);
        using (var reader = new StreamReader(cslCsv))
        using (var csv = new CsvReader(reader, CultureInfo.InvariantCulture))
        {
            csv.Read();
            csv.ReadHeader();
            while (csv.Read())
            {
                var id = csv.GetField("_id")!;
                var source = csv.GetField("source")!;
                var list = ShortName(source);
                var name = csv.GetField("name")!.Trim();
                if (list == "SDN")
                {
                    sdnNumbers.Add(csv.GetField("entity_number")!.Trim());
                }

                if (name.Length > 0)
                {
                    names.Add(new ListName(id, name, list, name));
                }

                foreach (var alias in csv.GetField("alt_names")!.Split("; ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    var cleaned = alias.StartsWith("and ", StringComparison.Ordinal) ? alias[4..] : alias;
                    names.Add(new ListName(id, name, list, cleaned));
                }
            }
        }

        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { HasHeaderRecord = false, BadDataFound = null };
        using (var reader = new StreamReader(sdnCsv))
        using (var csv = new CsvReader(reader, config))
        {
            while (csv.Read())
            {
                var number = csv.GetField(0)!.Trim();
                if (!int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out _) || sdnNumbers.Contains(number))
                {
                    continue;
                }

                var name = csv.GetField(1)!.Trim();
                names.Add(new ListName(number, name, "SDN", name));
            }
        }

        return names;
    }

    private static string ShortName(string source)
    {
        var open = source.LastIndexOf('(');
        var close = source.LastIndexOf(')');
        return open >= 0 && close > open ? source[(open + 1)..close] : source;
    }
}
