using Clearance.Screening;

namespace Clearance.Lists;

/// <summary>Reads the trade.gov Consolidated Screening List in its CSV form (all 13 sources).</summary>
public static class CslCsvReader
{
    static readonly string[] Required = ["_id", "source", "name"];

    public static List<ListEntry> Read(TextReader reader, string file, string version, List<ListProblem> problems)
    {
        var entries = new List<ListEntry>();
        Dictionary<string, int>? columns = null;
        foreach (var (line, fields) in CsvRows.Read(reader, file, ',', problems))
        {
            if (columns is null)
            {
                columns = Header(fields, file, line);
                continue;
            }

            string Field(string name) => columns.TryGetValue(name, out var i) && i < fields.Length ? fields[i].Trim() : "";
            var name = CslFields.CleanName(Field("name"));
            if (name.Length == 0)
            {
                problems.Add(new ListProblem(file, line, "column 'name' is empty"));
                continue;
            }

            if (name.Length > NameNormalizer.MaxLength)
            {
                problems.Add(new ListProblem(file, line, $"column 'name' is longer than {NameNormalizer.MaxLength} characters"));
                continue;
            }

            var id = Field("_id");
            if (id.Length == 0)
            {
                problems.Add(new ListProblem(file, line, "column '_id' is empty"));
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

        if (columns is null)
        {
            throw new ListFormatException($"{file}:1: the file is empty; expected the CSL header starting '_id,source'");
        }

        return entries;
    }

    static Dictionary<string, int> Header(string[] fields, string file, long line)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < fields.Length; i++)
        {
            columns.TryAdd(fields[i].Trim().TrimStart('\uFEFF'), i);
        }

        foreach (var required in Required)
        {
            if (!columns.ContainsKey(required))
            {
                throw new ListFormatException($"{file}:{line}: column '{required}' is missing from the CSL header");
            }
        }

        return columns;
    }
}
