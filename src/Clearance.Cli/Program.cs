using System.Text;
using Clearance.Cli;

// A buffered stdout: Console.Out flushes on every write, which dominates the run time of large outputs.
await using var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16);
return await CliApp.RunAsync(args, stdout, Console.Error);
