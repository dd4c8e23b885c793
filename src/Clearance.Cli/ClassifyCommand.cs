using System.CommandLine;
using Clearance.Catalog;
using Clearance.Reports;
using Clearance.Classify;

namespace Clearance.Cli;

/// <summary><c>classify FILE [--as-of DATE] [--compare-to DATE] [--format table|csv|json]</c>.</summary>
static class ClassifyCommand
{
    public static Command Create(TextWriter output, TextWriter error, TimeProvider clock)
    {
        var file = new Argument<string>("FILE") { Description = "Chip-specification CSV (the columns of data/chips.csv)." };
        var asOf = new Option<string?>("--as-of") { Description = "Classify under the rules in force on this date (YYYY-MM-DD); default today." };
        var compareTo = new Option<string?>("--compare-to") { Description = "Also classify on this date and list only the items whose ECCN differs, with both values." };
        var format = new Option<string>("--format") { Description = "table (default), csv or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv", "json");

        var command = new Command("classify", "Classify chips, boards and computers under the export rules in force on a date.")
        {
            file, asOf, compareTo, format,
        };
        command.SetAction((parse, ct) => Task.FromResult(Run(
            parse.GetValue(file)!,
            parse.GetValue(asOf),
            parse.GetValue(compareTo),
            parse.GetValue(format)!,
            output,
            error,
            clock,
            ct)));
        return command;
    }

    static int Run(string path, string? asOfText, string? compareToText, string formatText, TextWriter output, TextWriter error, TimeProvider clock,
        CancellationToken ct)
    {
        var asOf = CliDates.Today(clock);
        if (asOfText is not null && !CliDates.TryParse(asOfText, "--as-of", error, out asOf))
        {
            return CliApp.BadInput;
        }

        DateOnly? compareTo = null;
        if (compareToText is not null)
        {
            if (!CliDates.TryParse(compareToText, "--compare-to", error, out var other))
            {
                return CliApp.BadInput;
            }

            compareTo = other;
        }

        if (DataLoader.TryLoad(error) is not { } data)
        {
            return CliApp.BadInput;
        }

        var format = formatText switch
        {
            "csv" => ReportFormat.Csv,
            "json" => ReportFormat.Json,
            _ => ReportFormat.Table,
        };
        var outcome = ClassifyJob.Run(path, data, asOf, compareTo, format, output, ClassificationTable.Tables, ct);
        if (outcome.Errors.Count > 0)
        {
            foreach (var problem in outcome.Errors)
            {
                error.WriteLine(problem.ToString());
            }

            if (outcome.Errors.Count >= ChipSpecFile.MaxErrors)
            {
                error.WriteLine($"{path}: stopped after {ChipSpecFile.MaxErrors} errors");
            }

            return CliApp.BadInput;
        }

        error.WriteLine(compareTo is { } second
            ? $"compared {outcome.Items} items between {asOf:yyyy-MM-dd} and {second:yyyy-MM-dd}"
            : $"classified {outcome.Items} items as of {asOf:yyyy-MM-dd} (vintage {data.Regulation.VintageIdOn(asOf)})");
        return CliApp.Ok;
    }
}
