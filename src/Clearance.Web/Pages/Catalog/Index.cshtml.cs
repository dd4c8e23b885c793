using System.Globalization;
using Clearance.Catalog;
using Clearance.Rules;
using Clearance.Rules.Licensing;
using Clearance.Web.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Clearance.Web.Pages.Catalog;

[Authorize(Policy = Policies.ReadOrders)]
public sealed class CatalogModel(CatalogMap map, VendorDirectory vendors, TimeProvider clock) : PageModel
{
    public const double Width = 820;
    public const double Height = 580;
    public const double Left = 72;
    public const double Right = 16;
    public const double Top = 16;
    public const double Bottom = 56;

    [FromQuery(Name = "date")]
    public string? DateText { get; set; }

    [FromQuery(Name = "parts")]
    public string? Parts { get; set; }

    [FromQuery(Name = "chip")]
    public string? ChipName { get; set; }

    public DateOnly Date { get; private set; }

    public bool Datacenter => Parts != "other";

    public Dictionary<string, string[]> Errors { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<ChipPoint> Chips { get; private set; } = [];

    public ControlRegions? Regions { get; private set; }

    public IReadOnlyList<Run> Runs { get; private set; } = [];

    public IReadOnlyList<Run> ChinaRuns { get; private set; } = [];

    /// <summary>Each classification found on the grid, with the paragraphs that decided it.</summary>
    public IReadOnlyList<(string Eccn, IReadOnlyList<string> Rules)> Legend { get; private set; } = [];

    public ChipPoint? Selected { get; private set; }

    public IReadOnlyList<(Vintage Vintage, Classification Classification, LineDecision China)> History { get; private set; } = [];

    public DesignEnvelope? Envelope { get; private set; }

    public IActionResult OnGet()
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Date = today;
        if (!string.IsNullOrWhiteSpace(DateText))
        {
            if (DateOnly.TryParseExact(DateText.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                Date = date;
            }
            else
            {
                Errors["date"] = ["A date, YYYY-MM-DD."];
            }
        }

        if (Parts is not (null or "" or "datacenter" or "other"))
        {
            Errors["parts"] = ["datacenter or other."];
        }

        Chips = map.Chips(Date, vendors.Headquarters);
        if (ChipName is not null)
        {
            Selected = Chips.FirstOrDefault(c => string.Equals(c.Spec.Name, ChipName, StringComparison.Ordinal));
            if (Selected is null)
            {
                Errors["chip"] = [$"'{ChipName}' is not a chip of the catalog."];
            }
        }

        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var (tppMin, tppMax, densityMin, densityMax) = map.Axes(Chips);
        Regions = map.Regions(Date, Datacenter, tppMin, tppMax, densityMin, densityMax);
        Runs = Merge(Regions.Cells, c => c.Eccn);
        ChinaRuns = Merge(Regions.Cells, c => c.ChinaCaseByCase ? "case-by-case" : null);
        Legend = [.. Regions.Cells.GroupBy(c => c.Eccn, StringComparer.Ordinal)
            .Select(g => (g.Key, (IReadOnlyList<string>)[.. g.Select(c => c.Rule).Where(r => r.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]))
            .OrderBy(g => g.Key, StringComparer.Ordinal)];
        if (Selected is not null)
        {
            History = map.History(Selected.Spec);
            Envelope = map.Envelope(Selected.Spec, Date);
        }

        return Page();
    }

    public string Link(DateOnly date, string? chip) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/catalog", new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["date"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["parts"] = Datacenter ? null : "other",
            ["chip"] = chip,
        }.Where(p => p.Value is not null)) + (chip is null ? "" : "#chip");

    public double X(double tpp) => Left + ((Math.Log10(tpp) - Math.Log10(Regions!.TppMin)) / (Math.Log10(Regions.TppMax) - Math.Log10(Regions.TppMin)) * PlotWidth);

    public double Y(double density) => Top + PlotHeight - ((Math.Log10(density) - Math.Log10(Regions!.DensityMin)) / (Math.Log10(Regions.DensityMax) - Math.Log10(Regions.DensityMin)) * PlotHeight);

    public static double PlotWidth => Width - Left - Right;

    public static double PlotHeight => Height - Top - Bottom;

    public static double CellWidth => PlotWidth / CatalogMap.Columns;

    public static double CellHeight => PlotHeight / CatalogMap.Rows;

    /// <summary>The decades of an axis, for its ticks.</summary>
    public static IEnumerable<double> Decades(double min, double max)
    {
        for (var v = min; v <= max * 1.0001; v *= 10)
        {
            yield return v;
        }
    }

    public static string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Css(string eccn) => "r-" + eccn.Replace('.', '-');

    public static string Marker(string? headquarters) => headquarters switch
    {
        "US" => "us",
        "CN" => "cn",
        _ => "other",
    };

    /// <summary>Neighbouring cells of a row with the same class, as one rectangle.</summary>
    static List<Run> Merge(IReadOnlyList<ControlCell> cells, Func<ControlCell, string?> key)
    {
        var runs = new List<Run>();
        for (var row = 0; row < CatalogMap.Rows; row++)
        {
            var start = 0;
            for (var column = 1; column <= CatalogMap.Columns; column++)
            {
                var startKey = key(cells[(row * CatalogMap.Columns) + start]);
                if (column < CatalogMap.Columns && key(cells[(row * CatalogMap.Columns) + column]) == startKey)
                {
                    continue;
                }

                if (startKey is not null)
                {
                    runs.Add(new Run(row, start, column - start, startKey));
                }

                start = column;
            }
        }

        return runs;
    }

    public sealed record Run(int Row, int Column, int Columns, string Key);
}
