using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Clearance.Rules;

namespace Clearance.Reports;

/// <summary>Writes classifications as CSV / JSON for scripts, one item at a time, or hands them to the host's table.</summary>
public static class ClassificationReport
{
    /// <summary>The CSV header; a stable contract.</summary>
    public static readonly string[] CsvHeader = ["name", "as_of", "eccn", "tpp", "performance_density", "rule", "reason"];

    // Relaxed escaping keeps ">=" readable in reasons; the output is UTF-8 JSON, never embedded in HTML.
    static readonly SearchValues<char> CsvSpecial = SearchValues.Create(",\"\r\n");

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes one row per classification; returns how many there were. The table format is drawn by the host
    /// (<paramref name="tables"/>).</summary>
    public static long Write(IEnumerable<Classification> results, ReportFormat format, TextWriter output, ClassificationTables? tables = null)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(output);
        return format switch
        {
            ReportFormat.Csv => WriteCsv(results, output),
            ReportFormat.Json => WriteJson(results.Select(ClassificationView.From), output),
            ReportFormat.Table => Tables(tables).Write(results, output),
        };
    }

    /// <summary>Writes the items whose ECCN differs between two dates; returns how many items were compared.</summary>
    public static long WriteChanges(IEnumerable<(Classification AsOf, Classification Other)> pairs, ReportFormat format, TextWriter output,
        ClassificationTables? tables = null)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(output);
        long compared = 0;
        var changed = pairs.Where(p =>
        {
            compared++;
            return !string.Equals(p.AsOf.Eccn, p.Other.Eccn, StringComparison.Ordinal);
        });
        switch (format)
        {
            case ReportFormat.Csv:
                WriteCsv(changed.SelectMany(p => new[] { p.AsOf, p.Other }), output);
                break;
            case ReportFormat.Json:
                WriteJson(changed.Select(p => new ComparisonView(p.AsOf.Name, ClassificationView.From(p.AsOf), ClassificationView.From(p.Other))), output);
                break;
            case ReportFormat.Table:
                Tables(tables).WriteChanges(changed, output);
                break;
        }

        return compared;
    }

    /// <summary>A figure as the CSV and table print it: at most four decimals, invariant culture.</summary>
    public static string Figure(double? value) => value is { } v ? Math.Round(v, 4).ToString(CultureInfo.InvariantCulture) : "";

    static ClassificationTables Tables(ClassificationTables? tables) =>
        tables ?? throw new ArgumentException("The table format is drawn by the host: pass its ClassificationTables.", nameof(tables));

    // RFC 4180 by hand: this runs once per row of million-row files, where CsvWriter's per-field machinery and the
    // number-to-string allocations dominated the run time.
    static long WriteCsv(IEnumerable<Classification> results, TextWriter output)
    {
        long count = 0;
        output.Write(string.Join(',', CsvHeader));
        output.Write('\n');
        Span<char> number = stackalloc char[32];
        foreach (var c in results)
        {
            Field(output, c.Name);
            output.Write(',');
            c.AsOf.TryFormat(number, out var written, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            output.Write(number[..written]);
            output.Write(',');
            output.Write(c.Eccn);
            output.Write(',');
            Number(output, c.Tpp, number);
            output.Write(',');
            Number(output, c.PerformanceDensity, number);
            output.Write(',');
            Field(output, c.Rule);
            output.Write(',');
            Field(output, c.Reason);
            output.Write('\n');
            count++;
        }

        return count;
    }

    /// <summary>The CSV header line as UTF-8, for <see cref="AppendCsv"/>.</summary>
    public static void AppendCsvHeader(Utf8Buffer to)
    {
        ArgumentNullException.ThrowIfNull(to);
        to.Write(string.Join(',', CsvHeader));
        to.Write((byte)'\n');
    }

    /// <summary>Appends one CSV row as UTF-8, byte for byte what <see cref="Write"/> prints for it. Used to format rows
    /// on the threads that classify them.</summary>
    public static void AppendCsv(Classification c, Utf8Buffer to)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(to);
        Field(to, c.Name);
        to.Write((byte)',');
        Date(to, c.AsOf);
        to.Write((byte)',');
        to.Write(c.Eccn);
        to.Write((byte)',');
        Number(to, c.Tpp);
        to.Write((byte)',');
        Number(to, c.PerformanceDensity);
        to.Write((byte)',');
        Field(to, c.Rule);
        to.Write((byte)',');
        Field(to, c.Reason);
        to.Write((byte)'\n');
    }

    // yyyy-MM-dd without the custom-format machinery: DateOnly years are 1 to 9999, always four digits here.
    static void Date(Utf8Buffer to, DateOnly date)
    {
        var span = to.Reserve(10);
        Digits(span[..4], date.Year);
        span[4] = (byte)'-';
        Digits(span.Slice(5, 2), date.Month);
        span[7] = (byte)'-';
        Digits(span.Slice(8, 2), date.Day);
        to.Advance(10);
    }

    static void Digits(Span<byte> into, int value)
    {
        for (var i = into.Length - 1; i >= 0; i--)
        {
            into[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }

    static void Number(Utf8Buffer to, double? value)
    {
        if (value is { } v && new Figure(Math.Round(v, 4)).TryFormat(to.Reserve(64), out var written, default, CultureInfo.InvariantCulture))
        {
            to.Advance(written);
        }
    }

    static void Field(Utf8Buffer to, string value)
    {
        if (value.AsSpan().IndexOfAny(CsvSpecial) < 0)
        {
            to.Write(value);
            return;
        }

        to.Write((byte)'"');
        var rest = value.AsSpan();
        int quote;
        while ((quote = rest.IndexOf('"')) >= 0)
        {
            to.Write(rest[..(quote + 1)]);
            to.Write((byte)'"');
            rest = rest[(quote + 1)..];
        }

        to.Write(rest);
        to.Write((byte)'"');
    }

    static void Number(TextWriter output, double? value, Span<char> buffer)
    {
        if (value is { } v && Math.Round(v, 4).TryFormat(buffer, out var written, default, CultureInfo.InvariantCulture))
        {
            output.Write(buffer[..written]);
        }
    }

    static void Field(TextWriter output, string value)
    {
        if (value.AsSpan().IndexOfAny(CsvSpecial) < 0)
        {
            output.Write(value);
            return;
        }

        output.Write('"');
        var rest = value.AsSpan();
        int quote;
        while ((quote = rest.IndexOf('"')) >= 0)
        {
            output.Write(rest[..(quote + 1)]);
            output.Write('"');
            rest = rest[(quote + 1)..];
        }

        output.Write(rest);
        output.Write('"');
    }

    static long WriteJson<T>(IEnumerable<T> views, TextWriter output)
    {
        long count = 0;
        output.Write('[');
        foreach (var view in views)
        {
            output.Write(count == 0 ? "\n  " : ",\n  ");
            output.Write(JsonSerializer.Serialize(view, Json));
            count++;
        }

        output.Write(count == 0 ? "]\n" : "\n]\n");
        return count;
    }
}
