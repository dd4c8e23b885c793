using Clearance.Input;
using Clearance.Screening;

namespace Clearance.Lists;

/// <summary>Reads a company's own list: <c>id,name,aliases,country,list</c> (aliases and countries joined by ';').</summary>
public static class CustomListReader
{
    const string Expected = "expected header id,name,aliases,country,list";

    static readonly string[] Columns = ["id", "name", "aliases", "country", "list"];

    /// <exception cref="ListFormatException">The file is empty, lacks the id or name column, or is not UTF-8.</exception>
    public static List<ListEntry> Read(TextReader reader, string file, string version, List<InputProblem> problems)
    {
        var entries = new List<ListEntry>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        using var table = new CsvTable(reader, file, ignoreCase: true);
        if (!table.ReadHeader(out var headerProblem))
        {
            throw new ListFormatException(headerProblem?.ToString() ?? $"{file}:1: the file is empty; {Expected}");
        }

        if (table.FirstMissing(["id", "name"]) is { } missing)
        {
            throw new ListFormatException($"{file}:1: column '{missing}' is missing; {Expected}");
        }

        var columns = Columns.ToDictionary(c => c, table.IndexOf, StringComparer.Ordinal);
        foreach (var (line, fields) in table.Rows(problems))
        {
            string Field(string name) => CsvTable.Field(fields, columns[name]).Trim();
            var id = Field("id");
            var name = Field("name");
            if (id.Length == 0 || name.Length == 0)
            {
                problems.Add(InputProblem.AtLine(file, line, $"column '{(id.Length == 0 ? "id" : "name")}' is empty"));
                continue;
            }

            if (name.Length > NameNormalizer.MaxLength)
            {
                problems.Add(InputProblem.AtLine(file, line, $"column 'name' is longer than {NameNormalizer.MaxLength} characters"));
                continue;
            }

            if (!ids.Add(id))
            {
                problems.Add(InputProblem.AtLine(file, line, $"column 'id': '{id}' appears twice; the first row is kept"));
                continue;
            }

            var list = Field("list");
            entries.Add(new ListEntry
            {
                Id = id,
                Name = name,
                Aliases = CslFields.Aliases(CslFields.Split(Field("aliases"))),
                Countries = CslFields.Split(Field("country")).Select(c => c.ToUpperInvariant()).ToList(),
                List = list.Length > 0 ? list : "custom",
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
