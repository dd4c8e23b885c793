using Clearance.Screening;

namespace Clearance.Lists;

/// <summary>Reads a company's own list: <c>id,name,aliases,country,list</c> (aliases and countries joined by ';').</summary>
public static class CustomListReader
{
    public static List<ListEntry> Read(TextReader reader, string file, string version, List<ListProblem> problems)
    {
        var entries = new List<ListEntry>();
        Dictionary<string, int>? columns = null;
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (line, fields) in CsvRows.Read(reader, file, ',', problems))
        {
            if (columns is null)
            {
                columns = new Dictionary<string, int>(StringComparer.Ordinal);
                for (var i = 0; i < fields.Length; i++)
                {
                    columns.TryAdd(fields[i].Trim().TrimStart('\uFEFF').ToLowerInvariant(), i);
                }

                foreach (var required in (string[])["id", "name"])
                {
                    if (!columns.ContainsKey(required))
                    {
                        throw new ListFormatException($"{file}:{line}: column '{required}' is missing; expected header id,name,aliases,country,list");
                    }
                }

                continue;
            }

            string Field(string name) => columns.TryGetValue(name, out var i) && i < fields.Length ? fields[i].Trim() : "";
            var id = Field("id");
            var name = Field("name");
            if (id.Length == 0 || name.Length == 0)
            {
                problems.Add(new ListProblem(file, line, $"column '{(id.Length == 0 ? "id" : "name")}' is empty"));
                continue;
            }

            if (name.Length > NameNormalizer.MaxLength)
            {
                problems.Add(new ListProblem(file, line, $"column 'name' is longer than {NameNormalizer.MaxLength} characters"));
                continue;
            }

            if (!ids.Add(id))
            {
                problems.Add(new ListProblem(file, line, $"column 'id': '{id}' appears twice; the first row is kept"));
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

        if (columns is null)
        {
            throw new ListFormatException($"{file}:1: the file is empty; expected header id,name,aliases,country,list");
        }

        return entries;
    }
}
