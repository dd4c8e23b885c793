using System.CommandLine;

namespace Clearance.Cli;

/// <summary>The command tree; output goes to the writers passed in so tests run the CLI in-process.</summary>
public static class CliApp
{
    public const int Ok = 0;
    public const int Problems = 1;
    public const int BadInput = 2;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        var root = new RootCommand("Clearance: export-compliance decisions for AI chips.");
        foreach (var command in Commands(output, error))
        {
            root.Subcommands.Add(command);
        }

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var parseError in parsed.Errors)
            {
                await error.WriteLineAsync(parseError.Message);
            }

            return BadInput;
        }

        return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, ct);
    }

    static IEnumerable<Command> Commands(TextWriter output, TextWriter error)
    {
        yield return AuditCommand.Create(output, error);
        yield return ClassifyCommand.Create(output, error, TimeProvider.System);
        yield return EnvelopeCommand.Create(output, error, TimeProvider.System);
        yield return EvaluateCommand.Create(output, error, EvaluateCommand.DefaultScreener);
        yield return WhatIfCommand.Create(output, error, TimeProvider.System, EvaluateCommand.DefaultScreener);
        yield return ScreenCommand.Create(output, error);
        yield return MatchPairsCommand.Create(output, error);
        yield return ListsCommand.Create(output, error, TimeProvider.System);
    }
}
