using Clearance.Lists;

namespace Clearance.Cli;

/// <summary>Reads an input CSV with a header into rows, or explains with file and line why it cannot.</summary>
sealed class CsvInput
{
    CsvInput(string[] header, Dictionary<string, int> columns, List<(long Line, string[] Fields)> rows)
    {
        Header = header;
        Columns = columns;
        Rows = rows;
    }

    public string[] Header { get; }

    public Dictionary<string, int> Columns { get; }

    public List<(long Line, string[] Fields)> Rows { get; }

    public string Field(string[] fields, string column) =>
        Columns.TryGetValue(column, out var i) && i < fields.Length ? fields[i] : "";

    /// <summary>Reads the file; returns the error message instead when the file cannot be used as a whole.</summary>
    public static (CsvInput? Input, string? Error) Read(string path, IReadOnlyList<string> required)
    {
        if (!File.Exists(path))
        {
            return (null, $"{path}: no such file");
        }

        var problems = new List<ListProblem>();
        var rows = new List<(long, string[])>();
        string[]? header = null;
        try
        {
            using var reader = CsvRows.OpenText(File.OpenRead(path));
            foreach (var (line, fields) in CsvRows.Read(reader, path, ',', problems, maxLinesPerRow: 1))
            {
                if (problems.Count > 0)
                {
                    break;
                }

                if (header is null)
                {
                    header = [.. fields.Select(f => f.Trim().TrimStart('\uFEFF'))];
                    continue;
                }

                rows.Add((line, fields));
            }
        }
        catch (ListFormatException e)
        {
            return (null, e.Message);
        }

        if (problems.Count > 0)
        {
            return (null, problems[0].ToString());
        }

        if (header is null)
        {
            return (null, $"{path}:1: the file is empty; expected a header with {string.Join(',', required)}");
        }

        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Length; i++)
        {
            columns.TryAdd(header[i], i);
        }

        foreach (var column in required)
        {
            if (!columns.ContainsKey(column))
            {
                return (null, $"{path}:1: column '{column}' is missing from the header '{string.Join(',', header)}'");
            }
        }

        return (new CsvInput(header, columns, rows), null);
    }
}
