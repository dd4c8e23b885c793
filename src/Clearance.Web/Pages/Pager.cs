using Microsoft.AspNetCore.WebUtilities;

namespace Clearance.Web.Pages;

/// <summary>Links to the pages of a list, keeping the query's filters and sort.</summary>
public sealed record Pager(string Path, IReadOnlyDictionary<string, string?> Query, int Page, int Pages, int Total)
{
    public string Link(int page) => With("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The list sorted on <paramref name="column"/>: ascending first, descending when it is already sorted so.</summary>
    public string Sort(string column, string? current, bool descending)
    {
        var next = new Dictionary<string, string?>(Query, StringComparer.Ordinal) { ["sort"] = column, ["dir"] = current == column && !descending ? "desc" : "asc" };
        next.Remove("page");
        return QueryHelpers.AddQueryString(Path, next.Where(p => !string.IsNullOrEmpty(p.Value)));
    }

    public string With(string name, string value)
    {
        var next = new Dictionary<string, string?>(Query, StringComparer.Ordinal) { [name] = value };
        return QueryHelpers.AddQueryString(Path, next.Where(p => !string.IsNullOrEmpty(p.Value)));
    }

    /// <summary>The <c>aria-sort</c> value of a column header.</summary>
    public static string AriaSort(string column, string? current, bool descending) =>
        column != current ? "none" : descending ? "descending" : "ascending";
}
