using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Clearance.Web;

/// <summary>The CSV the service answers with: a header from the row record's column names, then one line per row,
/// "\n" line ends, invariant culture.</summary>
static class CsvText
{
    /// <summary>The rows as CSV text, after <paramref name="comment"/> as a <c># </c> line when one is given.</summary>
    public static string Write<T>(IEnumerable<T> rows, string? comment = null)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        if (comment is not null)
        {
            text.WriteLine($"# {comment}");
        }

        using (var csv = new CsvWriter(text, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n" }, leaveOpen: true))
        {
            csv.WriteRecords(rows);
        }

        return text.ToString();
    }
}
