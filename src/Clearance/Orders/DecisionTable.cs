using System.Globalization;
using Clearance.Rules.Licensing;

namespace Clearance.Orders;

/// <summary>Writes decisions for a person: per order the verdict, one row per line, the reasons under it, the parties.</summary>
public static class DecisionTable
{
    static readonly string[] Header = ["#", "item", "eccn", "license", "review policy", "exception", "verdict"];

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
            $"{decision.OrderId}  {DecisionText.Verdict(decision.Verdict).ToUpperInvariant()}  (as of {decision.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}, vintage {decision.Vintage}, AI Diffusion {DecisionText.Diffusion(decision.Diffusion)})");
        var rows = new List<string[]> { Header };
        for (var i = 0; i < decision.Lines.Count; i++)
        {
            var line = decision.Lines[i];
            rows.Add([
                (i + 1).ToString(CultureInfo.InvariantCulture),
                line.Item,
                line.Eccn,
                line.LicenseRequired ? "yes" : "no",
                line.ReviewPolicy is { } p ? DecisionText.Policy(p) : "-",
                line.Exception is { } e ? DecisionText.Exception(e) : "-",
                DecisionText.Verdict(line.Verdict),
            ]);
        }

        var widths = new int[Header.Length];
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Length; c++)
            {
                widths[c] = Math.Max(widths[c], row[c].Length);
            }
        }

        for (var r = 0; r < rows.Count; r++)
        {
            output.Write("  ");
            output.WriteLine(string.Join("  ", rows[r].Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd());
            if (r == 0)
            {
                continue;
            }

            foreach (var finding in decision.Lines[r - 1].Findings)
            {
                output.WriteLine($"      - {finding.Code}: {finding.Message}{(finding.Unconfirmed ? " [unconfirmed]" : string.Empty)} ({finding.Citation})");
            }
        }

        output.WriteLine("  parties:");
        foreach (var party in decision.Screening)
        {
            var hit = party.Decision == ScreeningDecision.Hit
                ? $" -> {party.Entry} on {party.List} (score {party.Score?.ToString("0.00", CultureInfo.InvariantCulture)})"
                : string.Empty;
            output.WriteLine($"      {DecisionText.Role(party.Role)}: {party.Name}: {DecisionText.Screening(party.Decision)}{hit}");
        }
    }
}
