using Clearance.Input;

namespace Clearance.Cli;

/// <summary>An input CSV with a header, read whole with <see cref="CsvTable"/>, or the first problem that keeps it
/// from being used (naming file and line).</summary>
sealed class CsvInput
{
    readonly Dictionary<string, int> _columns;

    CsvInput(string[] header, Dictionary<string, int> columns, List<(long Line, string[] Fields)> rows)
    {
        Header = header;
        _columns = columns;
        Rows = rows;
    }

    /// <summary>The header row as written.</summary>
    public string[] Header { get; }

    public List<(long Line, string[] Fields)> Rows { get; }

    /// <summary>The row's field in <paramref name="column"/> (matched whatever its case), or "" when the file has no
    /// such column or the row is short.</summary>
    public string Field(string[] fields, string column) =>
        CsvTable.Field(fields, _columns.TryGetValue(column, out var i) ? i : -1);

    /// <summary>Reads the file; returns the error message instead when the file cannot be used as a whole.</summary>
    public static (CsvInput? Input, string? Error) Read(string path, IReadOnlyList<string> required)
    {
        if (!File.Exists(path))
        {
            return (null, $"{path}: no such file");
        }

        using var table = new CsvTable(CsvTable.OpenText(File.OpenRead(path)), path, ignoreCase: true);
        if (!table.ReadHeader(out var headerProblem))
        {
            return (null, headerProblem?.ToString() ?? $"{path}:1: the file is empty; expected a header with {string.Join(',', required)}");
        }

        if (table.FirstMissing(required) is { } missing)
        {
            return (null, $"{path}:1: column '{missing}' is missing from the header '{string.Join(',', table.Header)}'");
        }

        // Every column by its name through the header API (the first of a name written twice).
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in table.Header)
        {
            columns.TryAdd(name, table.IndexOf(name));
        }

        var problems = new List<InputProblem>();
        var rows = new List<(long, string[])>();
        foreach (var row in table.Rows(problems, maxLinesPerRow: 1))
        {
            if (problems.Count > 0)
            {
                break;
            }

            rows.Add(row);
        }

        return problems.Count > 0 ? (null, problems[0].ToString()) : (new CsvInput([.. table.Header], columns, rows), null);
    }
}
