using System.CommandLine;
using System.Globalization;
using Clearance.Rules;

namespace Clearance.Cli;

/// <summary><c>envelope --die-area MM2 [--datacenter yes|no] [--as-of DATE]</c>.</summary>
static class EnvelopeCommand
{
    public static Command Create(TextWriter output, TextWriter error, TimeProvider clock)
    {
        var dieArea = new Option<string>("--die-area") { Description = "Applicable die area in mm2.", Required = true };
        var datacenter = new Option<string>("--datacenter") { Description = "Designed or marketed for datacenters: yes (default) or no.", DefaultValueFactory = _ => "yes" };
        datacenter.AcceptOnlyFromAmong("yes", "no");
        var asOf = new Option<string?>("--as-of") { Description = "Use the rules in force on this date (YYYY-MM-DD); default today." };

        var command = new Command("envelope", "The largest TPP a part of a given die area can have and stay outside 3A090, and outside 3A090.a.")
        {
            dieArea, datacenter, asOf,
        };
        command.SetAction(parse => Run(parse.GetValue(dieArea)!, parse.GetValue(datacenter) == "yes", parse.GetValue(asOf), output, error, clock));
        return command;
    }

    static int Run(string dieAreaText, bool datacenter, string? asOfText, TextWriter output, TextWriter error, TimeProvider clock)
    {
        if (!double.TryParse(dieAreaText, NumberStyles.Float, CultureInfo.InvariantCulture, out var area) || !double.IsFinite(area))
        {
            error.WriteLine($"--die-area: '{dieAreaText}' is not a number");
            return CliApp.BadInput;
        }

        if (area <= 0)
        {
            error.WriteLine($"--die-area: '{dieAreaText}' must be greater than zero");
            return CliApp.BadInput;
        }

        var date = CliDates.Today(clock);
        if (asOfText is not null && !CliDates.TryParse(asOfText, "--as-of", error, out date))
        {
            return CliApp.BadInput;
        }

        if (DataLoader.TryLoad(error) is not { } data)
        {
            return CliApp.BadInput;
        }

        var envelope = DesignEnvelope.Compute(area, datacenter, date, data.Regulation);
        var use = datacenter ? "designed or marketed for datacenters" : "not designed or marketed for datacenters";
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Design envelope: die area {area:0.####} mm2, {use}, as of {date:yyyy-MM-dd} (vintage {envelope.Vintage})"));
        if (envelope.Assumption is { } assumption)
        {
            output.WriteLine($"Assumption: {assumption}");
        }

        output.WriteLine();
        Write(output, "Outside 3A090 (every paragraph)", envelope.Outside3A090, area);
        output.WriteLine();
        Write(output, "Outside 3A090.a", envelope.OutsideA, area);
        output.WriteLine();
        output.WriteLine("How \"largest\" is defined: the controls apply at \"X or more\", so the TPPs that stay outside form a set open at");
        output.WriteLine("the top. Its least upper bound (the supremum) is itself controlled and is printed as \"TPP below\"; \"largest\"");
        output.WriteLine("is the largest TPP at two-decimal precision that stays outside. Both are checked by classifying probe parts with");
        output.WriteLine("the same engine as `classify`.");
        return CliApp.Ok;
    }

    static void Write(TextWriter output, string title, EnvelopeBound bound, double area)
    {
        output.WriteLine($"{title}:");
        if (bound.Supremum is not { } supremum)
        {
            output.WriteLine($"  no limit: {bound.Explanation}");
            return;
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  TPP below  {supremum:0.####} (PD {supremum / area:0.####}); excluded itself: {bound.BindingRule} applies from there on"));
        if (bound.Largest is { } largest)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  largest    {largest:0.00} (PD {bound.PerformanceDensity:0.####})"));
        }

        output.WriteLine($"  binding    {bound.BindingRule}");
        output.WriteLine($"  why        {bound.Explanation}");
    }
}
