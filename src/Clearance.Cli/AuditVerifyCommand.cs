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
        var command = new Command("verify", "Check that no audit event was edited, deleted or reordered.");
        database.AddTo(command);
        command.Options.Add(format);
        command.SetAction(async (parsed, ct) =>
        {
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
                result = await new AuditVerifier(db).VerifyAsync(ct);
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
                await output.WriteLineAsync($"ok: {result.Events} events, head {result.HeadHash}");
            }
            else
            {
                await output.WriteLineAsync($"broken at event {result.FirstBrokenEvent}: {result.Problem} ({result.Events} events)");
            }

            return result.Ok ? CliApp.Ok : CliApp.Problems;
        });
        return command;
    }
}
