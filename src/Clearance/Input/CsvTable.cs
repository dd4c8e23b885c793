using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Clearance.Input;

/// <summary>A delimited text file with a header row (chip specifications, screening input, list files), read with
/// CsvHelper's header API: columns are found by name (<see cref="IndexOf"/>), in any order, unknown ones ignored. Each
/// row knows the physical line it starts on; a row that cannot be read is an <see cref="InputProblem"/>, never lost
/// and never an exception.</summary>
/// <remarks>Header names are matched trimmed (and without a byte-order mark), case-sensitively unless
/// <c>ignoreCase</c>; when a name appears twice, the first column is used.</remarks>
public sealed class CsvTable : IDisposable
{
    /// <summary>The message of a file that is not UTF-8.</summary>
    public const string NotUtf8 = "the file is not valid UTF-8 (save it as UTF-8)";

    // The reader serves the header API; rows come straight from its parser (the classify hot path reads a few fields
    // of each row through the parser's indexer).
    readonly CsvParser _parser;
    readonly CsvReader _csv;
    string? _badData;

    /// <summary>Opens a table over <paramref name="reader"/>; <paramref name="file"/> names it in problems.</summary>
    /// <param name="reader">The text, best opened with <see cref="OpenText(Stream)"/>.</param>
    /// <param name="file">The file name used in problems.</param>
    /// <param name="delimiter">Comma or tab.</param>
    /// <param name="ignoreCase">Whether header names match whatever their case.</param>
    public CsvTable(TextReader reader, string file, char delimiter = ',', bool ignoreCase = false)
    {
        File = file;
        _parser = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = true,
            Delimiter = delimiter.ToString(),
            DetectColumnCountChanges = false,
            MissingFieldFound = null,
            HeaderValidated = null,
            PrepareHeaderForMatch = ignoreCase
                ? args => args.Header.TrimStart('\uFEFF').Trim().ToLowerInvariant()
                : args => args.Header.TrimStart('\uFEFF').Trim(),
            // CsvHelper finds a stray quote ("Chip"A) when a field is read, and throws unless told otherwise: the row
            // is reported instead. Fields never read are never reported.
            BadDataFound = args => _badData ??= args.Field,
        });
        _csv = new CsvReader(_parser);
    }

    /// <summary>Strict UTF-8 (a byte-order mark is honoured, UTF-16 with one too): invalid bytes are a problem, never
    /// U+FFFD in a name.</summary>
    public static StreamReader OpenText(Stream stream) =>
        new(stream, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);

    /// <inheritdoc cref="OpenText(Stream)"/>
    public static StreamReader OpenText(string path, int bufferSize = 4096) =>
        new(path, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true, new FileStreamOptions { BufferSize = bufferSize });

    /// <summary>The file name used in problems.</summary>
    public string File { get; }

    /// <summary>The header row as written (trimmed); empty before <see cref="ReadHeader"/> or in an empty file.</summary>
    public IReadOnlyList<string> Header { get; private set; } = [];

    /// <summary>The physical line the current row starts on.</summary>
    public long Line { get; private set; } = 1;

    /// <summary>Set when the file turned out not to be UTF-8: the decoder's position is lost, so nothing after it is read.</summary>
    public InputProblem? Unreadable { get; private set; }

    /// <summary>How many fields the current row has.</summary>
    public int Count => _parser.Count;

    /// <summary>The field at <paramref name="index"/> of the current row, untrimmed.</summary>
    public string this[int index] => _parser[index];

    /// <summary>Copies the current row's fields at <paramref name="columns"/> (indexes found once per header with
    /// <see cref="IndexOf"/>, -1 for a column the header lacks) into <paramref name="fields"/>, untrimmed, null where the
    /// row has no such field. One call per row for a reader on a hot path (the classify read), not one per field.</summary>
    public void CopyFields(ReadOnlySpan<int> columns, Span<string?> fields)
    {
        var parser = _parser;
        var count = parser.Count;
        for (var c = 0; c < columns.Length; c++)
        {
            var i = columns[c];
            fields[c] = (uint)i < (uint)count ? parser[i] : null;
        }
    }

    /// <summary>The first field with a stray quote read since the current row was read, or null.</summary>
    public string? BadData => _badData;

    /// <summary>Reads the header row. Returns false when the file is empty (<paramref name="problem"/> null) or the
    /// header cannot be read (a stray quote, bytes that are not UTF-8: the problem).</summary>
    public bool ReadHeader(out InputProblem? problem)
    {
        problem = null;
        _badData = null;
        try
        {
            if (!_csv.Read())
            {
                return false;
            }

            _csv.ReadHeader();
        }
        catch (CsvHelperException e)
        {
            problem = InputProblem.AtLine(File, 1, Malformed(e));
            return false;
        }
        catch (DecoderFallbackException)
        {
            problem = Unreadable = InputProblem.AtLine(File, 1, NotUtf8);
            return false;
        }

        if (_badData is { } bad)
        {
            problem = InputProblem.AtLine(File, 1, StrayQuote(bad));
            return false;
        }

        Header = [.. (_csv.HeaderRecord ?? []).Select(h => h.TrimStart('\uFEFF').Trim())];
        return true;
    }

    /// <summary>The index of the first column named <paramref name="column"/>, or -1 when the header lacks it.</summary>
    public int IndexOf(string column) => _csv.GetFieldIndex(column, 0, isTryGet: true);

    /// <summary>The index of the second column named <paramref name="column"/>, or -1 when it appears at most once.</summary>
    public int SecondIndexOf(string column) => _csv.GetFieldIndex(column, 1, isTryGet: true);

    /// <summary>The first of <paramref name="columns"/> the header lacks, or null.</summary>
    public string? FirstMissing(IEnumerable<string> columns) => columns.FirstOrDefault(c => IndexOf(c) < 0);

    /// <summary>Moves to the next row. Returns false at the end of the file (or after it turned out not to be UTF-8).
    /// Otherwise the row is current, or <paramref name="problem"/> says why it could not be read.</summary>
    public bool Read(out InputProblem? problem)
    {
        problem = null;
        if (Unreadable is not null)
        {
            return false;
        }

        var previousEnd = _parser.RawRow;
        _badData = null;
        try
        {
            if (!_parser.Read())
            {
                return false;
            }
        }
        catch (CsvHelperException e)
        {
            Line = previousEnd + 1;
            problem = InputProblem.AtLine(File, Line, Malformed(e));
            return true;
        }
        catch (DecoderFallbackException)
        {
            Line = previousEnd + 1;
            problem = Unreadable = InputProblem.AtLine(File, Line, NotUtf8);
            return true;
        }

        Line = previousEnd + 1;
        return true;
    }

    /// <summary>Every readable row with its line and all its fields (line breaks inside a field become spaces); a row
    /// with a stray quote, or spanning more than <paramref name="maxLinesPerRow"/> lines, goes to
    /// <paramref name="problems"/>. Stops at bytes that are not UTF-8 (<see cref="Unreadable"/>, also in the problems).</summary>
    /// <param name="problems">Receives the rows that could not be read.</param>
    /// <param name="maxLinesPerRow">A row spanning more lines is an unterminated quote that swallowed the rows after it.
    /// trade.gov's CSL has addresses broken over two or three lines, so lists allow a few; screening input allows one.</param>
    public IEnumerable<(long Line, string[] Fields)> Rows(ICollection<InputProblem> problems, int maxLinesPerRow = 4)
    {
        while (Read(out var problem))
        {
            if (problem is not null)
            {
                problems.Add(problem);
                continue;
            }

            var fields = _parser.Record ?? [];
            if (_badData is not null)
            {
                problems.Add(InputProblem.AtLine(File, Line, StrayQuote(_badData)));
                continue;
            }

            var end = _parser.RawRow;
            if (end - Line + 1 > maxLinesPerRow)
            {
                problems.Add(InputProblem.AtLine(File, Line, $"unbalanced quote: a field runs over lines {Line}-{end}"));
                continue;
            }

            for (var i = 0; i < fields.Length; i++)
            {
                if (fields[i].Contains('\n', StringComparison.Ordinal) || fields[i].Contains('\r', StringComparison.Ordinal))
                {
                    fields[i] = fields[i].ReplaceLineEndings(" ");
                }
            }

            yield return (Line, fields);
        }
    }

    /// <summary>The field at <paramref name="index"/> of a row from <see cref="Rows"/>, or "" when the row is shorter
    /// or the column is absent (index -1).</summary>
    public static string Field(string[] fields, int index) => (uint)index < (uint)fields.Length ? fields[index] : "";

    /// <summary>The message of a row with a stray quote in <paramref name="field"/>.</summary>
    public static string StrayQuote(string field) => $"stray or unbalanced quote near '{Excerpt(field)}'";

    /// <summary>At most 40 characters of <paramref name="text"/>, for a message.</summary>
    public static string Excerpt(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");

    /// <summary>Disposes the reader, which disposes its parser and the text.</summary>
    public void Dispose() => _csv.Dispose();

    static string Malformed(CsvHelperException e)
    {
        var end = e.Message.IndexOf('\n', StringComparison.Ordinal);
        return $"malformed CSV: {(end < 0 ? e.Message : e.Message[..end]).TrimEnd()}";
    }
}
