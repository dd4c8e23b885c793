using System.Globalization;
using BenchmarkDotNet.Running;
using Clearance.Benchmarks;

// `generate FILE ROWS` writes a synthetic chip-specification CSV for end-to-end runs through the CLI.
if (args is ["generate", var path, var rows])
{
    SpecGenerator.WriteCsv(path, int.Parse(rows, CultureInfo.InvariantCulture));
    return;
}

// `stages FILE` times check, read, classify and CSV writing separately.
if (args is ["stages", var file])
{
    Stages.Run(file, Console.Out);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
