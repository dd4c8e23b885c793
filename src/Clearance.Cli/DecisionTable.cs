using System.Globalization;
using Clearance.Rules;
using Clearance.Rules.Licensing;

namespace Clearance.Cli;

/// <summary>Draws decisions for a person: per order the verdict, a table with one row per line, each line's reasons under
/// the table, then the parties.</summary>
static class DecisionTable
{
    public static void Write(IEnumerable<Decision> decisions, TextWriter output)
    {
        var first = true;
        foreach (var decision in decisions)
        {
            if (!first)
            {
                output.WriteLine();
            }

            first = false;
            Write(decision, output);
        }
    }

    static void Write(Decision decision, TextWriter output)
    {
        output.WriteLine(
            $"{decision.OrderId}  {WireNames.Name(decision.Verdict).ToUpperInvariant()}  (as of {decision.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}, vintage {decision.Vintage}, AI Diffusion {WireNames.Name(decision.Diffusion)})");
        var table = CliConsole.Table(("#", true), ("item", false), ("eccn", false), ("license", false), ("review policy", false), ("exception", false), ("verdict", false));
        for (var i = 0; i < decision.Lines.Count; i++)
        {
            var line = decision.Lines[i];
            table.AddRow(
                (i + 1).ToString(CultureInfo.InvariantCulture),
                line.Item,
                line.Eccn,
                line.LicenseRequired ? "yes" : "no",
                line.ReviewPolicy is { } p ? WireNames.Name(p) : "-",
                line.Exception is { } e ? WireNames.Name(e) : "-",
                WireNames.Name(line.Verdict));
        }

        CliConsole.Write(output, table);
        for (var i = 0; i < decision.Lines.Count; i++)
        {
            if (decision.Lines[i].Findings.Count == 0)
            {
                continue;
            }

            output.WriteLine($"  line {i + 1}:");
            foreach (var finding in decision.Lines[i].Findings)
            {
                output.WriteLine($"    - {finding.Code}: {finding.Message}{(finding.Unconfirmed ? " [unconfirmed]" : string.Empty)} ({finding.Citation})");
            }
        }

        output.WriteLine("  parties:");
        foreach (var party in decision.Screening)
        {
            var hit = party.Decision == ScreeningDecision.Hit
                ? $" -> {party.Entry} on {party.List} (score {party.Score?.ToString("0.00", CultureInfo.InvariantCulture)})"
                : string.Empty;
            output.WriteLine($"    {WireNames.Name(party.Role)}: {party.Name}: {WireNames.Name(party.Decision)}{hit}");
        }
    }
}
