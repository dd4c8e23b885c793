using System.CommandLine;
using System.Text;
using Clearance.Audit;

namespace Clearance.Cli;

/// <summary><c>clearance audit export --from --to [--output FILE]</c>: the events of a period as JSON lines.</summary>
public static class AuditExportCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var database = new DatabaseOptions();
        var from = new Option<DateOnly>("--from") { Description = "First day, YYYY-MM-DD (UTC), inclusive.", Required = true };
        var to = new Option<DateOnly>("--to") { Description = "Last day, YYYY-MM-DD (UTC), inclusive.", Required = true };
        var file = new Option<FileInfo?>("--output") { Description = "Write to this file instead of standard output." };
        var command = new Command("export", "Write the audit events of a period as JSON lines, with their hashes.");
        database.AddTo(command);
        command.Options.Add(from);
        command.Options.Add(to);
        command.Options.Add(file);
        command.SetAction(async (parsed, ct) =>
        {
            var (first, last) = (parsed.GetValue(from), parsed.GetValue(to));
            if (first > last)
            {
                await error.WriteLineAsync($"--to: '{last:yyyy-MM-dd}' is before --from '{first:yyyy-MM-dd}'.");
                return CliApp.BadInput;
            }

            var (settings, problem) = database.Resolve(parsed);
            if (settings is null)
            {
                await error.WriteLineAsync(problem);
                return CliApp.BadInput;
            }

            try
            {
                await using var db = settings.CreateContext();
                var exporter = new AuditExporter(db);
                var head = await exporter.HeadAsync(ct);
                long written;
                if (parsed.GetValue(file) is { } path)
                {
                    await using var writer = new StreamWriter(path.FullName, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
                    written = await exporter.WriteJsonLinesAsync(first, last, writer, ct);
                }
                else
                {
                    written = await exporter.WriteJsonLinesAsync(first, last, output, ct);
                }

                await error.WriteLineAsync($"exported {written} events from {first:yyyy-MM-dd} to {last:yyyy-MM-dd}");
                // A receipt for later: `audit verify --expect-head` fails if the log no longer holds this event with this hash.
                await error.WriteLineAsync(head is null ? "log head: empty log" : $"log head: {head}");
                return CliApp.Ok;
            }
            catch (Exception e) when (DatabaseOptions.Failure(e) is { } failure)
            {
                await error.WriteLineAsync(failure);
                return CliApp.BadInput;
            }
            catch (IOException e)
            {
                await error.WriteLineAsync($"--output: {e.Message}");
                return CliApp.BadInput;
            }
        });
        return command;
    }
}
