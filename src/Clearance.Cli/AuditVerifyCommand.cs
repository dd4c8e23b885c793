using System.CommandLine;
using System.Text.Json;
using Clearance.Audit;

namespace Clearance.Cli;

/// <summary><c>clearance audit verify</c>: exit 0 when the chain holds, 1 naming the first broken event, 2 for bad input.</summary>
public static class AuditVerifyCommand
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Command Create(TextWriter output, TextWriter error)
    {
        var database = new DatabaseOptions();
        var format = new Option<string>("--format") { Description = "text or json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var expectHead = new Option<string?>("--expect-head")
        {
            Description = "N:HASH, a head printed earlier (by verify or export): fail unless the log still holds event N with that hash.",
        };
        var command = new Command("verify", "Check that no audit event was edited, deleted or reordered.");
        database.AddTo(command);
        command.Options.Add(format);
        command.Options.Add(expectHead);
        command.SetAction(async (parsed, ct) =>
        {
            AuditHead? expected = null;
            if (parsed.GetValue(expectHead) is { } text)
            {
                (expected, var invalid) = AuditHead.Parse(text);
                if (expected is null)
                {
                    await error.WriteLineAsync($"--expect-head: {invalid}.");
                    return CliApp.BadInput;
                }
            }

            var (settings, problem) = database.Resolve(parsed);
            if (settings is null)
            {
                await error.WriteLineAsync(problem);
                return CliApp.BadInput;
            }

            AuditVerification result;
            try
            {
                await using var db = settings.CreateContext();
                result = await new AuditVerifier(db).VerifyAsync(expected, ct);
            }
            catch (Exception e) when (DatabaseOptions.Failure(e) is { } failure)
            {
                await error.WriteLineAsync(failure);
                return CliApp.BadInput;
            }

            if (string.Equals(parsed.GetValue(format), "json", StringComparison.Ordinal))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(result, Json));
            }
            else if (result.Ok)
            {
                await output.WriteLineAsync($"ok: {result.Events} events, head {result.Head}");
            }
            else if (result.FirstBrokenEvent is { } broken)
            {
                await output.WriteLineAsync($"broken at event {broken}: {result.Problem} ({result.Events} events, last good head {result.Head})");
            }
            else
            {
                await output.WriteLineAsync($"broken: {result.Problem} ({result.Events} events, last good head {result.Head})");
            }

            return result.Ok ? CliApp.Ok : CliApp.Problems;
        });
        return command;
    }
}
