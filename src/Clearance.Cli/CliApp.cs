using System.CommandLine;
using System.CommandLine.Help;

namespace Clearance.Cli;

/// <summary>The command tree; output goes to the writers passed in so tests run the CLI in-process.</summary>
public static class CliApp
{
    public const int Ok = 0;
    public const int Problems = 1;
    public const int BadInput = 2;

    /// <summary>The installed command (the .NET tool's command name).</summary>
    public const string CommandName = "clearance";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        // Named for the command people type, whatever the executable is called (Clearance.Cli under dotnet run, a
        // test host in tests); a RootCommand would take its name from the executable.
        var root = new Command(CommandName, "Clearance: export-compliance decisions for AI chips.") { new HelpOption(), new VersionOption() };
        foreach (var command in Commands(output, error))
        {
            root.Subcommands.Add(command);
        }

        // No arguments at all asks what the program does: the command list, as --help prints it, and exit 0. A command
        // that is missing after other arguments is still a usage error (exit 2).
        var parsed = root.Parse(args.Length == 0 ? ["--help"] : args);
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
        yield return UsersCommand.Create(output, error, TimeProvider.System);
    }
}
