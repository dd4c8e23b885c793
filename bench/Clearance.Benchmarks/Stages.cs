using System.Diagnostics;
using System.Globalization;
using Clearance.Catalog;
using Clearance.Reports;
using Clearance.Rules;

namespace Clearance.Benchmarks;

/// <summary>Times the stages of an end-to-end classify run (check, read, classify, write) on one file: wall and
/// process CPU time, bytes allocated (all threads) and JIT compilation time and methods, per stage.</summary>
static class Stages
{
    /// <param name="path">The chip-specification CSV.</param>
    /// <param name="report">Gets one line per stage.</param>
    /// <param name="repeat">How many times the check and read stages run (the smallest time is the least disturbed).</param>
    public static void Run(string path, TextWriter report, int repeat = 1)
    {
        _cpu = Process.GetCurrentProcess().TotalProcessorTime;
        _allocated = GC.GetTotalAllocatedBytes(precise: true);
        _jit = System.Runtime.JitInfo.GetCompilationTime();
        _jitted = System.Runtime.JitInfo.GetCompiledMethodCount();
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
        for (var r = 1; r < repeat; r++)
        {
            check = ChipSpecFile.Check(path, data.Chips);
            Lap(report, clock, $"check {check.Rows} rows");
        }

        for (var r = 0; r < repeat; r++)
        {
            long read = 0;
            foreach (var spec in ChipSpecFile.Read(path, check.ContainedChips))
            {
                read += spec.Name.Length > 0 ? 1 : 0;
            }

            Lap(report, clock, $"read {read} rows");
        }

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

    static TimeSpan _cpu;
    static long _allocated;
    static TimeSpan _jit;
    static long _jitted;

    static void Lap(TextWriter report, Stopwatch clock, string stage)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var jit = System.Runtime.JitInfo.GetCompilationTime();
        var jitted = System.Runtime.JitInfo.GetCompiledMethodCount();
        report.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{clock.Elapsed.TotalMilliseconds,8:0} ms wall {(cpu - _cpu).TotalMilliseconds,8:0} ms cpu {(allocated - _allocated) / 1e6,8:0.0} MB allocated {(jit - _jit).TotalMilliseconds,6:0} ms jit ({jitted - _jitted,5} methods)  {stage}"));
        _cpu = cpu;
        _allocated = allocated;
        _jit = jit;
        _jitted = jitted;
        clock.Restart();
    }
}
