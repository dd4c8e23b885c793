using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Clearance.Rules;
using CsvHelper;
using CsvHelper.Configuration;

namespace Clearance.Reports;

/// <summary>Writes classifications as a table for people, or CSV / JSON for scripts, one item at a time.</summary>
public static class ClassificationReport
{
    /// <summary>The CSV header; a stable contract.</summary>
    public static readonly string[] CsvHeader = ["name", "as_of", "eccn", "tpp", "performance_density", "rule", "reason"];

    // Relaxed escaping keeps ">=" readable in reasons; the output is UTF-8 JSON, never embedded in HTML.
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes one row per classification; returns how many there were.</summary>
    public static long Write(IEnumerable<Classification> results, ReportFormat format, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(output);
        return format switch
        {
            ReportFormat.Csv => WriteCsv(results, output),
            ReportFormat.Json => WriteJson(results.Select(ClassificationView.From), output),
            ReportFormat.Table => WriteTable(results, output),
        };
    }

    /// <summary>Writes the items whose ECCN differs between two dates; returns how many items were compared.</summary>
    public static long WriteChanges(IEnumerable<(Classification AsOf, Classification Other)> pairs, ReportFormat format, TextWriter output)
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
                WriteChangeTable(changed, output);
                break;
        }

        return compared;
    }

    /// <summary>A figure as the CSV and table print it: at most four decimals, invariant culture.</summary>
    public static string Figure(double? value) => value is { } v ? v.ToString("0.####", CultureInfo.InvariantCulture) : "";

    static long WriteCsv(IEnumerable<Classification> results, TextWriter output)
    {
        long count = 0;
        using var csv = new CsvWriter(output, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n" }, leaveOpen: true);
        foreach (var column in CsvHeader)
        {
            csv.WriteField(column);
        }

        csv.NextRecord();
        foreach (var c in results)
        {
            csv.WriteField(c.Name);
            csv.WriteField(c.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            csv.WriteField(c.Eccn);
            csv.WriteField(Figure(c.Tpp));
            csv.WriteField(Figure(c.PerformanceDensity));
            csv.WriteField(c.Rule);
            csv.WriteField(c.Reason);
            csv.NextRecord();
            count++;
        }

        csv.Flush();
        return count;
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

    static long WriteTable(IEnumerable<Classification> results, TextWriter output)
    {
        long count = 0;
        output.WriteLine($"{"name",-50} {"eccn",-13} {"tpp",10} {"pd",8}  rule");
        foreach (var c in results)
        {
            output.WriteLine($"{Clip(c.Name, 50),-50} {c.Eccn,-13} {Figure(c.Tpp),10} {Figure(Round(c.PerformanceDensity)),8}  {c.Rule}");
            output.Write("    ");
            output.WriteLine(c.Reason);
            count++;
        }

        return count;
    }

    static void WriteChangeTable(IEnumerable<(Classification AsOf, Classification Other)> changed, TextWriter output)
    {
        var header = false;
        foreach (var (before, after) in changed)
        {
            if (!header)
            {
                output.WriteLine($"{"name",-50} {Date(before),-13}    {Date(after)}");
                header = true;
            }

            output.WriteLine($"{Clip(before.Name, 50),-50} {before.Eccn,-13} -> {after.Eccn}");
            output.WriteLine($"    {Date(before)}: {before.Reason}");
            output.WriteLine($"    {Date(after)}: {after.Reason}");
        }

        if (!header)
        {
            output.WriteLine("no item changes ECCN between the two dates");
        }
    }

    static string Date(Classification c) => c.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    static double? Round(double? value) => value is { } v ? Math.Round(v, 2) : null;

    static string Clip(string text, int width) => text.Length <= width ? text : string.Concat(text.AsSpan(0, width - 3), "...");
}
