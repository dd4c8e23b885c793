using System.Diagnostics;
using System.Globalization;
using Clearance.Catalog;
using Clearance.Reports;
using Clearance.Rules;

namespace Clearance.Benchmarks;

/// <summary>Times the stages of an end-to-end classify run (check, read, classify, write) on one file.</summary>
static class Stages
{
    public static void Run(string path, TextWriter report)
    {
        var asOf = DateOnly.Parse("2026-03-01", CultureInfo.InvariantCulture);
        var clock = Stopwatch.StartNew();
        var data = ClearanceData.Load(ClearanceData.DefaultDirectory);
        Lap(report, clock, "load data");

        using (var parser = new CsvHelper.CsvParser(new StreamReader(path), CultureInfo.InvariantCulture))
        {
            long n = 0;
            while (parser.Read())
            {
                n++;
            }

            Lap(report, clock, $"CsvParser.Read only {n}");
        }

        using (var parser = new CsvHelper.CsvParser(new StreamReader(path), CultureInfo.InvariantCulture))
        {
            long n = 0;
            while (parser.Read())
            {
                for (var i = 0; i < parser.Count; i++)
                {
                    n += parser[i].Length;
                }
            }

            Lap(report, clock, $"CsvParser.Read + every field {n}");
        }

        var check = ChipSpecFile.Check(path, data.Chips);
        Lap(report, clock, $"check {check.Rows} rows");

        long read = 0;
        foreach (var spec in ChipSpecFile.Read(path, check.ContainedChips))
        {
            read += spec.Name.Length > 0 ? 1 : 0;
        }

        Lap(report, clock, $"read {read} rows");

        long classified = 0;
        foreach (var spec in ChipSpecFile.Read(path, check.ContainedChips))
        {
            classified += Classifier.Classify(spec, asOf, data.Regulation).Reason.Length > 0 ? 1 : 0;
        }

        Lap(report, clock, $"read + classify {classified} rows");

        using var sink = new StreamWriter(Stream.Null, new System.Text.UTF8Encoding(false), 1 << 16);
        var written = ClassificationReport.Write(
            ChipSpecFile.Read(path, check.ContainedChips).Select(spec => Classifier.Classify(spec, asOf, data.Regulation)),
            ReportFormat.Csv,
            sink);
        Lap(report, clock, $"read + classify + write CSV {written} rows");
    }

    static TimeSpan _cpu = Process.GetCurrentProcess().TotalProcessorTime;

    static void Lap(TextWriter report, Stopwatch clock, string stage)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        report.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{clock.Elapsed.TotalMilliseconds,8:0} ms wall {(cpu - _cpu).TotalMilliseconds,8:0} ms cpu  {stage}"));
        _cpu = cpu;
        clock.Restart();
    }
}
