using System.Security.Cryptography;
using System.Text;
using Clearance.Orders;
using Clearance.Screening;

namespace Clearance.Lists;

/// <summary>Reads the BIS Denied Persons List text file (tab-separated, quoted, with a header).</summary>
public static class DplReader
{
    public const string DplList = "Denied Persons List (DPL) - Bureau of Industry and Security";

    public static List<ListEntry> Read(TextReader reader, string file, string version, List<ListProblem> problems)
    {
        var entries = new List<ListEntry>();
        Dictionary<string, int>? columns = null;
        foreach (var (line, fields) in CsvRows.Read(reader, file, '\t', problems))
        {
            if (columns is null)
            {
                columns = new Dictionary<string, int>(StringComparer.Ordinal);
                for (var i = 0; i < fields.Length; i++)
                {
                    columns.TryAdd(fields[i].Trim().TrimStart('\uFEFF'), i);
                }

                if (!columns.ContainsKey("Name"))
                {
                    throw new ListFormatException($"{file}:{line}: column 'Name' is missing from the DPL header");
                }

                continue;
            }

            string Field(string name) => columns.TryGetValue(name, out var i) && i < fields.Length ? fields[i].Trim() : "";
            var name = Field("Name");
            if (name.Length == 0 || name.Length > NameNormalizer.MaxLength)
            {
                problems.Add(new ListProblem(file, line, name.Length == 0 ? "column 'Name' is empty"
                    : $"column 'Name' is longer than {NameNormalizer.MaxLength} characters"));
                continue;
            }

            var country = CountryCodes.Shipped.ToCode(Field("Country"));
            var address = new ListAddress(Field("Street_Address"), Field("City"), Field("State"), Field("Postal_Code"), country);
            // The DPL has no identifier; the hash of name and address is stable across downloads of the same row.
            var id = "DPL-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name + "|" + address)))[..12];
            entries.Add(new ListEntry
            {
                Id = id,
                Name = name,
                Addresses = [address],
                Countries = country.Length > 0 ? [country] : [],
                List = DplList,
                FederalRegisterNotice = Field("FR_Citation"),
                ListVersion = version,
            });
        }

        if (columns is null)
        {
            throw new ListFormatException($"{file}:1: the file is empty; expected the DPL header starting 'Name'");
        }

        return entries;
    }
}
