using System.Security.Cryptography;
using System.Text;
using Clearance.Input;
using Clearance.Orders;
using Clearance.Screening;

namespace Clearance.Lists;

/// <summary>Reads the BIS Denied Persons List text file (tab-separated, quoted, with a header).</summary>
public static class DplReader
{
    public const string DplList = "Denied Persons List (DPL) - Bureau of Industry and Security";

    static readonly string[] Columns = ["Name", "Street_Address", "City", "State", "Country", "Postal_Code", "FR_Citation"];

    /// <exception cref="ListFormatException">The file is empty, lacks the Name column, or is not UTF-8.</exception>
    public static List<ListEntry> Read(TextReader reader, string file, string version, CountryCodes countries, List<InputProblem> problems)
    {
        var entries = new List<ListEntry>();
        using var table = new CsvTable(reader, file, '\t');
        if (!table.ReadHeader(out var headerProblem))
        {
            throw new ListFormatException(headerProblem?.ToString() ?? $"{file}:1: the file is empty; expected the DPL header starting 'Name'");
        }

        if (table.IndexOf("Name") < 0)
        {
            throw new ListFormatException($"{file}:1: column 'Name' is missing from the DPL header");
        }

        var columns = Columns.ToDictionary(c => c, table.IndexOf, StringComparer.Ordinal);
        foreach (var (line, fields) in table.Rows(problems))
        {
            string Field(string name) => CsvTable.Field(fields, columns[name]).Trim();
            var name = Field("Name");
            if (name.Length == 0 || name.Length > NameNormalizer.MaxLength)
            {
                problems.Add(InputProblem.AtLine(file, line, name.Length == 0 ? "column 'Name' is empty"
                    : $"column 'Name' is longer than {NameNormalizer.MaxLength} characters"));
                continue;
            }

            var country = countries.ToCode(Field("Country"));
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

        if (table.Unreadable is { } unreadable)
        {
            throw new ListFormatException(unreadable.ToString());
        }

        return entries;
    }
}
