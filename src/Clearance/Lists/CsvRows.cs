using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Clearance.Lists;

/// <summary>Reads CSV-like files row by row with the line each row starts on; malformed rows are reported, never lost.</summary>
public static class CsvRows
{
    /// <summary>Strict UTF-8 (a BOM is honoured, UTF-16 with a BOM too): invalid bytes are an error, not U+FFFD.</summary>
    public static StreamReader OpenText(Stream stream) =>
        new(stream, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);

    /// <summary>Yields every row; a row with a stray quote or a field running over a line end goes to <paramref name="problems"/>.</summary>
    /// <exception cref="ListFormatException">The file is not valid UTF-8.</exception>
    /// <param name="reader">The text.</param>
    /// <param name="file">The file name used in problem messages.</param>
    /// <param name="delimiter">Comma or tab.</param>
    /// <param name="problems">Receives the rows that could not be read.</param>
    /// <param name="maxLinesPerRow">A row spanning more lines is an unterminated quote that swallowed the rows after it.
    /// trade.gov's CSL has addresses broken over two or three lines, so lists allow a few; screening input allows one.</param>
    public static IEnumerable<(long Line, string[] Fields)> Read(TextReader reader, string file, char delimiter,
        ICollection<ListProblem> problems, int maxLinesPerRow = 4)
    {
        var badRow = -1L;
        string? badText = null;
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = false,
            Delimiter = delimiter.ToString(),
            MissingFieldFound = null,
            DetectColumnCountChanges = false,
            BadDataFound = args =>
            {
                badRow = args.Context.Parser?.Row ?? -1;
                badText = args.Field;
            },
        };
        using var parser = new CsvParser(reader, config);
        var previousLine = 0L;
        while (true)
        {
            bool more;
            try
            {
                more = parser.Read();
            }
            catch (DecoderFallbackException)
            {
                throw new ListFormatException($"{file}:{previousLine + 1}: the file is not valid UTF-8 (save it as UTF-8)");
            }

            if (!more)
            {
                break;
            }

            var line = previousLine + 1;
            previousLine = parser.RawRow;
            var fields = parser.Record ?? [];
            for (var i = 0; i < fields.Length; i++)
            {
                if (fields[i].Contains('\n', StringComparison.Ordinal) || fields[i].Contains('\r', StringComparison.Ordinal))
                {
                    fields[i] = fields[i].ReplaceLineEndings(" ");
                }
            }

            if (badRow == parser.Row)
            {
                problems.Add(new ListProblem(file, line, $"stray or unbalanced quote near '{Shorten(badText)}'"));
                continue;
            }

            if (parser.RawRow - line + 1 > maxLinesPerRow)
            {
                problems.Add(new ListProblem(file, line, $"unbalanced quote: a field runs over lines {line}-{parser.RawRow}"));
                continue;
            }

            yield return (line, fields);
        }
    }

    static string Shorten(string? text) => text is null ? "" : text.Length <= 40 ? text : text[..40] + "…";
}
