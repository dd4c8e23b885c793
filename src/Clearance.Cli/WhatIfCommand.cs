using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Clearance.Catalog;
using Clearance.Orders;
using Clearance.Rules.Licensing;
using Clearance.WhatIf;
using CsvHelper;

namespace Clearance.Cli;

/// <summary><c>what-if PROPOSED.json [--orders FILE] [--catalog FILE] [--as-of DATE] [--format table|csv|json]</c>.</summary>
static class WhatIfCommand
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <param name="output">The report.</param>
    /// <param name="error">Problems and a summary.</param>
    /// <param name="clock">Today, the default --as-of.</param>
    /// <param name="screener">Builds the restricted-party screener for the orders, as <c>evaluate</c> does.</param>
    public static Command Create(TextWriter output, TextWriter error, TimeProvider clock, Func<ClearanceData, TextWriter, IPartyScreener?> screener)
    {
        var proposal = new Argument<string>("PROPOSED") { Description = "Proposed rule: provision versions in the format of data/rules (see examples/proposals)." };
        var orders = new Option<string?>("--orders") { Description = "Order file (as for evaluate) to compare line by line." };
        var catalog = new Option<string?>("--catalog") { Description = "Chip-specification CSV to compare instead of the shipped catalog." };
        var asOf = new Option<string?>("--as-of") { Description = "Compare the rules in force on this date (YYYY-MM-DD), with and without the proposal; default today." };
        var format = new Option<string>("--format") { Description = "table (default), csv or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv", "json");

        var command = new Command("what-if", "Apply a proposed rule on top of the rules in force and report what changes for the catalog and the order book.")
        {
            proposal, orders, catalog, asOf, format,
        };
        command.SetAction(parse => Run(
            parse.GetValue(proposal)!,
            parse.GetValue(orders),
            parse.GetValue(catalog),
            parse.GetValue(asOf),
            parse.GetValue(format)!,
            output,
            error,
            clock,
            screener));
        return command;
    }

    static int Run(
        string proposalPath, string? ordersPath, string? catalogPath, string? asOfText, string format, TextWriter output, TextWriter error,
        TimeProvider clock, Func<ClearanceData, TextWriter, IPartyScreener?> screenerFactory)
    {
        var asOf = CliDates.Today(clock);
        if (asOfText is not null && !CliDates.TryParse(asOfText, "--as-of", error, out asOf))
        {
            return CliApp.BadInput;
        }

        if (DataLoader.TryLoad(error) is not { } data)
        {
            return CliApp.BadInput;
        }

        try
        {
            var proposal = Proposal.Parse(File.ReadAllText(proposalPath), proposalPath);
            if (catalogPath is not null)
            {
                using var text = new StreamReader(catalogPath);
                data = data.WithCatalog(ChipSpecFile.ReadAll(text, catalogPath), catalogPath);
            }

            IReadOnlyList<OrderInput> orderInputs = [];
            IPartyScreener? screener = null;
            if (ordersPath is not null)
            {
                var file = new OrderFileReader(data.Catalog, data.Countries).ReadFile(ordersPath);
                foreach (var problem in file.Errors)
                {
                    error.WriteLine(problem.ToString());
                }

                if (file.Unreadable || file.Errors.Count > 0)
                {
                    return CliApp.BadInput;
                }

                orderInputs = file.Orders;
                screener = screenerFactory(data, error);
                if (screener is null)
                {
                    error.WriteLine("what-if: the restricted-party lists could not be loaded; every party is reported as not-screened and every order is held");
                }
            }

            var report = WhatIfRun.Run(data, proposal, asOf, orderInputs, screener, DiffusionReading.Enforced);
            switch (format)
            {
                case "json":
                    output.WriteLine(JsonSerializer.Serialize(report, Json));
                    break;
                case "csv":
                    WriteCsv(report, output);
                    break;
                default:
                    WriteTable(report, output);
                    break;
            }

            error.WriteLine($"what-if '{report.Proposal}' as of {Day(report.AsOf)}: {report.ItemsChanged} of {report.Items.Count} catalog item(s) and {report.LinesChanged} of {report.Lines.Count} order line(s) change");
            return CliApp.Ok;
        }
        catch (ProposalException e)
        {
            error.WriteLine(e.Message);
            return CliApp.BadInput;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            error.WriteLine(e.Message);
            return CliApp.BadInput;
        }
    }

    static void WriteCsv(WhatIfReport report, TextWriter output)
    {
        using var csv = new CsvWriter(output, CultureInfo.InvariantCulture, leaveOpen: true);
        foreach (var column in new[]
        {
            "kind", "key", "order", "line", "destination", "units", "value", "eccn_before", "eccn_after", "license_before", "license_after",
            "policy_before", "policy_after", "exception_before", "exception_after", "verdict_before", "verdict_after", "changed",
        })
        {
            csv.WriteField(column);
        }

        csv.NextRecord();
        foreach (var item in report.Items)
        {
            Row(csv, "item", item.Item, "", "", "", "", "", item.EccnBefore, item.EccnAfter, "", "", "", "", "", "", "", "", item.Changed ? "true" : "false");
        }

        foreach (var line in report.Lines)
        {
            Row(csv, "line", line.Item, line.OrderId, line.Line.ToString(CultureInfo.InvariantCulture), line.Destination,
                line.Units.ToString(CultureInfo.InvariantCulture), Money(line.Value), line.Before.Eccn, line.After.Eccn,
                Bool(line.Before.LicenseRequired), Bool(line.After.LicenseRequired), line.Before.ReviewPolicy ?? "", line.After.ReviewPolicy ?? "",
                line.Before.Exception ?? "", line.After.Exception ?? "", line.Before.Verdict, line.After.Verdict, Bool(line.Changed));
        }

        foreach (var (kind, totals) in new[] { ("destination-total", report.ByDestination), ("item-total", report.ByItem) })
        {
            foreach (var total in totals)
            {
                Row(csv, kind, total.Key, "", "", kind == "destination-total" ? total.Key : "", total.UnitsAtStake.ToString(CultureInfo.InvariantCulture),
                    Money(total.ValueAtStake), "", "", "", "", "", "", "", "", "", "", total.LinesChanged.ToString(CultureInfo.InvariantCulture));
            }
        }
    }

    static void Row(CsvWriter csv, params string[] fields)
    {
        foreach (var field in fields)
        {
            csv.WriteField(field);
        }

        csv.NextRecord();
    }

    static void WriteTable(WhatIfReport report, TextWriter output)
    {
        output.WriteLine($"What-if: {report.Proposal}");
        output.WriteLine($"As of {Day(report.AsOf)}: the rules in force (vintage {report.VintageBefore}) compared with the same rules plus the proposal (vintage {report.VintageAfter}).");
        output.WriteLine();
        output.WriteLine($"Catalog: {report.ItemsChanged} of {report.Items.Count} item(s) change ECCN");
        foreach (var item in report.Items.Where(i => i.Changed))
        {
            output.WriteLine($"  {item.Item,-56} {item.EccnBefore,-14} -> {item.EccnAfter}");
        }

        output.WriteLine();
        output.WriteLine($"Order lines: {report.LinesChanged} of {report.Lines.Count} change");
        foreach (var line in report.Lines.Where(l => l.Changed))
        {
            output.WriteLine($"  {line.OrderId} line {line.Line.ToString(CultureInfo.InvariantCulture)} {line.Item} to {line.Destination}, {line.Units.ToString(CultureInfo.InvariantCulture)} unit(s), value {Money(line.Value)}:");
            output.WriteLine($"    before: {Outcome(line.Before)}");
            output.WriteLine($"    after:  {Outcome(line.After)}");
        }

        foreach (var (title, totals) in new[] { ("By destination", report.ByDestination), ("By item", report.ByItem) })
        {
            output.WriteLine();
            output.WriteLine($"{title} (changed lines; units and value at stake):");
            foreach (var total in totals.Where(t => t.LinesChanged > 0))
            {
                output.WriteLine($"  {total.Key,-56} {total.LinesChanged.ToString(CultureInfo.InvariantCulture),4} of {total.Lines.ToString(CultureInfo.InvariantCulture),-4} line(s), +{total.NewlyLicenseRequired.ToString(CultureInfo.InvariantCulture)} / -{total.NoLongerLicenseRequired.ToString(CultureInfo.InvariantCulture)} license, {total.UnitsAtStake.ToString(CultureInfo.InvariantCulture)} unit(s), value {Money(total.ValueAtStake)}{(total.UnpricedLinesChanged > 0 ? $" ({total.UnpricedLinesChanged.ToString(CultureInfo.InvariantCulture)} line(s) without a price)" : string.Empty)}");
            }
        }
    }

    static string Outcome(WhatIfOutcome o) =>
        $"{o.Eccn}, license {(o.LicenseRequired ? "required" : "not required")}{(o.ReviewPolicy is { } p ? $", {p}" : string.Empty)}{(o.Exception is { } e ? $", exception {e}" : string.Empty)}, {o.Verdict}";

    static string Bool(bool value) => value ? "true" : "false";

    static string Money(decimal? value) => value is { } v ? v.ToString("0.##", CultureInfo.InvariantCulture) : "";

    static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
