using System.CommandLine;
using Clearance.Licenses;
using Clearance.Lists;
using Clearance.Orders;
using Clearance.Rules.Licensing;
using Clearance.Screening;

namespace Clearance.Cli;

/// <summary><c>evaluate FILE [--as-of DATE] [--format json|table] [--diffusion enforced|as-written] [--licenses FILE]</c>.</summary>
static class EvaluateCommand
{
    /// <param name="output">Decisions.</param>
    /// <param name="error">Problems and progress.</param>
    /// <param name="screener">Builds the restricted-party screener; null when none is available, which holds every order.</param>
    public static Command Create(TextWriter output, TextWriter error, Func<ClearanceData, TextWriter, IPartyScreener?> screener)
    {
        var file = new Argument<string>("FILE") { Description = "JSON array of orders (see README, evaluate)." };
        var asOf = new Option<string?>("--as-of") { Description = "Apply the rules in force on this date (YYYY-MM-DD) instead of each order's date." };
        var format = new Option<string>("--format") { Description = "json (default) or table.", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "table");
        var diffusion = new Option<string>("--diffusion")
        {
            Description = "Reading of the AI Diffusion rule: enforced (default; BIS non-enforcement since 2025-05-13) or as-written (GAO B-337935).",
            DefaultValueFactory = _ => "enforced",
        };
        diffusion.AcceptOnlyFromAmong("enforced", "as-written");
        var maxListAge = new Option<int>("--max-list-age")
        {
            Description = "Warn when a list snapshot is older than the order date by more than this many days (default 30).",
            DefaultValueFactory = _ => ListFreshness.DefaultMaxAgeDays,
        };
        maxListAge.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 0)
            {
                result.AddError("--max-list-age: the number of days cannot be negative");
            }
        });

        var licenses = new Option<string?>("--licenses")
        {
            Description = "JSON array of licenses as POST /api/licenses takes them (plus optional \"used\"): each license-required line is matched, orders in file order.",
        };

        var command = new Command("evaluate", "Decide what the law requires for each order: license, review policy, exception, verdict.")
        {
            file, asOf, format, diffusion, licenses, maxListAge,
        };
        command.SetAction(parse => Run(
            parse.GetValue(file)!,
            parse.GetValue(asOf),
            parse.GetValue(format)!,
            parse.GetValue(diffusion)!,
            parse.GetValue(licenses),
            parse.GetValue(maxListAge),
            output,
            error,
            screener));
        return command;
    }

    /// <summary>The default lists (newest download, else the shipped snapshots of <paramref name="data"/>'s folder) at
    /// the default threshold, their country names read as <paramref name="data"/>'s codes.</summary>
    public static IPartyScreener? DefaultScreener(ClearanceData data, TextWriter error)
    {
        try
        {
            var store = data.Options.Lists;
            var set = ListSet.Load(store.DefaultPaths(), data.Countries, store.CacheDirectory, error);
            ListsCommand.ReportProblems(set, error);
            return new ListScreener(set, ScreeningDefaults.Threshold, store.Dates(set));
        }
        catch (ListFormatException e)
        {
            error.WriteLine(e.Message);
            return null;
        }
    }

    static int Run(
        string path, string? asOfText, string format, string diffusionText, string? licensesPath, int maxListAgeDays, TextWriter output, TextWriter error,
        Func<ClearanceData, TextWriter, IPartyScreener?> screenerFactory)
    {
        DateOnly? asOf = null;
        if (asOfText is not null)
        {
            if (!CliDates.TryParse(asOfText, "--as-of", error, out var date))
            {
                return CliApp.BadInput;
            }

            asOf = date;
        }

        var reading = diffusionText == "as-written" ? DiffusionReading.AsWritten : DiffusionReading.Enforced;
        if (DataLoader.TryLoad(error) is not { } data)
        {
            return CliApp.BadInput;
        }

        IReadOnlyList<BookLicense>? book = null;
        if (licensesPath is not null && (book = LicenseFile.Read(licensesPath, data, error)) is null)
        {
            return CliApp.BadInput;
        }

        var orders = new OrderFileReader(data.Catalog, data.Countries).ReadFile(path);
        foreach (var problem in orders.Errors)
        {
            error.WriteLine(problem.ToString());
        }

        if (orders.Unreadable)
        {
            return CliApp.BadInput;
        }

        var screener = screenerFactory(data, error);
        if (screener is null)
        {
            error.WriteLine("evaluate: the restricted-party lists could not be loaded; every party is reported as not-screened and every order is held");
        }

        var pipeline = new OrderPipeline(data, screener, maxListAgeDays);
        // Screening dominates the cost per order and the index is safe for concurrent readers, so orders are evaluated
        // in parallel; AsOrdered keeps the output in file order.
        var decisions = orders.Orders.AsParallel().AsOrdered().Select(o => pipeline.Evaluate(o, asOf, reading)).ToList();
        // Matched in file order after the parallel evaluation: each order reserves what it covers before the next.
        var matcher = new LicenseMatcher(data.Regulation);
        var coverage = book is null ? null : orders.Orders.Select((o, i) => matcher.Match(LicenseDemand.From(o, decisions[i]), book)).ToList();
        // By line: freshness[i] is that of decisions[i] and orders.Orders[i].
        var freshness = orders.Orders.Select(o => pipeline.Freshness(o.Date)).ToList();
        var stale = freshness.Where(f => f is not null && f.Stale.Count > 0).ToList();
        if (stale.Count > 0)
        {
            error.WriteLine($"warning: {stale.Count} order(s) screened against list snapshots older than the order date by more than {maxListAgeDays} days "
                + $"or of unknown date: {string.Join("; ", stale.SelectMany(f => f!.Stale).Select(l => $"{l.Version} ({l.AsOf?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "date unknown"})").Distinct(StringComparer.Ordinal))}");
        }

        if (format == "table")
        {
            DecisionTable.Write(decisions, output);
            for (var i = 0; coverage is not null && i < coverage.Count; i++)
            {
                foreach (var line in coverage[i])
                {
                    output.WriteLine($"{decisions[i].OrderId} line {line.Line}: {line.Status}{(line.Number is null ? "" : $" ({line.Number})")}{string.Concat(line.Reasons.Select(r => $"; {r.Code}: {r.Message}"))}");
                }
            }
        }
        else
        {
            // Each line's license object is number, status and reasons, as evaluate --licenses has always printed it;
            // the amounts reserved are printed on the service's orders only.
            output.WriteLine(DecisionJson.Serialize([.. decisions.Select((d, i) => DecisionRecord.From(d, freshness[i]))
                .Select((record, i) => coverage is null ? record : record.WithLicenses(coverage[i], reserved: false))]));
        }

        error.WriteLine($"{Path.GetFileName(path)}: {decisions.Count} order(s) evaluated, {orders.Errors.Count} problem(s) in rejected orders");
        return orders.Errors.Count > 0 ? CliApp.BadInput : CliApp.Ok;
    }
}
