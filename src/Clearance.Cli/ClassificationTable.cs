using System.Globalization;
using Clearance.Reports;
using Clearance.Rules;

namespace Clearance.Cli;

/// <summary>Draws <c>classify --format table</c>: one row per item with its figures, rule and reason; with
/// <c>--compare-to</c>, two rows per item whose ECCN differs, one per date.</summary>
static class ClassificationTable
{
    public static readonly ClassificationTables Tables = new(WriteItems, WriteChangedItems);

    static void WriteItems(IEnumerable<Classification> results, TextWriter output)
    {
        var table = CliConsole.Table(("name", false), ("eccn", false), ("tpp", true), ("pd", true), ("rule", false), ("reason", false));
        foreach (var c in results)
        {
            table.AddRow(c.Name, c.Eccn, ClassificationReport.Figure(c.Tpp), ClassificationReport.Figure(Round(c.PerformanceDensity)), c.Rule, c.Reason);
        }

        CliConsole.Write(output, table);
    }

    static void WriteChangedItems(IEnumerable<(Classification AsOf, Classification Other)> changed, TextWriter output)
    {
        var table = CliConsole.Table(("name", false), ("as of", false), ("eccn", false), ("reason", false));
        foreach (var (before, after) in changed)
        {
            table.AddRow(before.Name, Date(before), before.Eccn, before.Reason);
            table.AddRow("", Date(after), after.Eccn, after.Reason);
        }

        if (table.Rows.Count == 0)
        {
            output.WriteLine("no item changes ECCN between the two dates");
            return;
        }

        CliConsole.Write(output, table);
    }

    static string Date(Classification c) => c.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    static double? Round(double? value) => value is { } v ? Math.Round(v, 2) : null;
}
