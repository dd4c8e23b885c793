using System.Globalization;
using BenchmarkDotNet.Running;
using Clearance.Benchmarks;
using Clearance.Benchmarks.Load;
using Clearance.Benchmarks.Screening;

// `generate FILE ROWS` writes a synthetic chip-specification CSV for end-to-end runs through the CLI.
if (args is ["generate", var path, var rows])
{
    SpecGenerator.WriteCsv(path, int.Parse(rows, CultureInfo.InvariantCulture));
    return 0;
}

// `stages FILE [REPEAT]` times check, read, classify and CSV writing separately (check and read REPEAT times each).
if (args is ["stages", var file, .. var rest] && rest.Length <= 1)
{
    Stages.Run(file, Console.Out, rest.Length == 1 ? int.Parse(rest[0], CultureInfo.InvariantCulture) : 1);
    return 0;
}

// `screening-figures NAMES.csv` measures index build, memory and single-query latency.
if (args is ["screening-figures", ..])
{
    return ScreeningFigures.Run(args[1..]);
}

// `delta-figures NAMES.csv [PARTIES] [STRIDE]` compares the two ways to re-screen parties after a list change.
if (args is ["delta-figures", ..])
{
    return DeltaFigures.Run(args[1..]);
}

// `rescreen-figures sqlite|postgres CONNECTION PARTIES.csv [COUNT] [CHANGED] [no-orders|N/s]` times a list version's re-screening of a
// large customer master and the order commits during it.
if (args is ["rescreen-figures", ..])
{
    return RescreenFigures.Run(args[1..]);
}

// `seed-orders sqlite|postgres CONNECTION [COUNT]` writes orders straight into a database for the order list's timing.
if (args is ["seed-orders", ..])
{
    return OrderListSeed.Run(args[1..]);
}

// `delta-cpu PARTIES.csv [COUNT]` measures CPU per party of normalising, screening against a 100-entry delta and
// screening against every entry, one thread.
if (args is ["delta-cpu", ..])
{
    return DeltaCpu.Run(args[1..]);
}

// `load URL --rate 500 ...` drives a running Clearance.Web at a fixed arrival rate (open loop).
if (args is ["load", ..])
{
    return LoadCommand.Run(args[1..]);
}

// `query-cpu NAMES.csv [ROUNDS]` measures CPU and allocation per Screen call over a file of names (and countries).
if (args is ["query-cpu", ..])
{
    return QueryCpu.Run(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(Clearance.Benchmarks.Screening.RescreenFigures).Assembly).Run(args);
return 0;
