using BenchmarkDotNet.Running;
using Clearance.Benchmarks.Screening;

if (args.Length > 0 && args[0] == "screening-figures")
{
    return ScreeningFigures.Run(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
