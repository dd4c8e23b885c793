using Clearance.Input;
using Clearance.Screening;

namespace Clearance.Lists;

/// <summary>Reads the trade.gov Consolidated Screening List in its CSV form (all 13 sources).</summary>
public static class CslCsvReader
{
    static readonly string[] Required = ["_id", "source", "name"];

    static readonly string[] Columns =
    [
        "_id", "source", "name", "alt_names", "type", "addresses", "citizenships", "nationalities", "programs",
        "federal_register_notice", "license_requirement", "license_policy",
    ];

    /// <exception cref="ListFormatException">The file is empty, lacks a required column, or is not UTF-8.</exception>
    public static List<ListEntry> Read(TextReader reader, string file, string version, List<InputProblem> problems)
    {
        var entries = new List<ListEntry>();
        using var table = new CsvTable(reader, file);
        if (!table.ReadHeader(out var headerProblem))
        {
            throw new ListFormatException(headerProblem?.ToString() ?? $"{file}:1: the file is empty; expected the CSL header starting '_id,source'");
        }

        if (table.FirstMissing(Required) is { } missing)
        {
            throw new ListFormatException($"{file}:1: column '{missing}' is missing from the CSL header");
        }

        var columns = Columns.ToDictionary(c => c, table.IndexOf, StringComparer.Ordinal);
        foreach (var (line, fields) in table.Rows(problems))
        {
            string Field(string name) => CsvTable.Field(fields, columns[name]).Trim();
            var name = CslFields.CleanName(Field("name"));
            if (name.Length == 0)
            {
                problems.Add(InputProblem.AtLine(file, line, "column 'name' is empty"));
                continue;
            }

            if (name.Length > NameNormalizer.MaxLength)
            {
                problems.Add(InputProblem.AtLine(file, line, $"column 'name' is longer than {NameNormalizer.MaxLength} characters"));
                continue;
            }

            var id = Field("_id");
            if (id.Length == 0)
            {
                problems.Add(InputProblem.AtLine(file, line, "column '_id' is empty"));
                continue;
            }

            var addresses = CslFields.Split(Field("addresses")).Select(CslFields.Address).ToList();
            entries.Add(new ListEntry
            {
                Id = id,
                Name = name,
                Aliases = CslFields.Aliases(CslFields.Split(Field("alt_names"))),
                Type = CslFields.Type(Field("type")),
                Addresses = addresses,
                Countries = addresses.Select(a => a.Country).Where(c => c.Length > 0)
                    .Concat(CslFields.Codes(CslFields.Split(Field("citizenships"))))
                    .Concat(CslFields.Codes(CslFields.Split(Field("nationalities"))))
                    .Distinct(StringComparer.Ordinal).ToList(),
                Programs = CslFields.Split(Field("programs")),
                List = Field("source"),
                FederalRegisterNotice = Field("federal_register_notice"),
                LicenseRequirement = Field("license_requirement"),
                LicensePolicy = Field("license_policy"),
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
