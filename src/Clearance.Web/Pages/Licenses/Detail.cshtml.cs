using System.Globalization;
using Clearance.Audit;
using Clearance.Licenses;
using Clearance.Web.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Clearance.Web.Pages.Licenses;

[Authorize(Policy = Policies.ReadOrders)]
public sealed class LicenseModel(LicenseWorkflow licenses, AuditReader reader, IAuthorizationService authorization, TimeProvider clock) : PageModel
{
    public const int Width = 640;
    public const int Height = 240;
    public const int Left = 64;
    public const int Right = 16;
    public const int Top = 12;
    public const int Bottom = 36;

    /// <summary>Audit events shown; the full history is on /audit.</summary>
    public const int AuditShown = 50;

    public License? License { get; private set; }

    public LicenseTerms? Terms { get; private set; }

    /// <summary>The first day the license may be used (for NAC, after the rulebook's notice period).</summary>
    public DateOnly UsableFrom { get; private set; }

    public LicenseHistory? History { get; private set; }

    /// <summary>Each line's burn-down, by line index; the last point is today when nothing happened today.</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<BurnDownPoint>> BurnDowns { get; private set; } = new Dictionary<int, IReadOnlyList<BurnDownPoint>>();

    /// <summary>The license's audit events, newest first; null when the user may not read the audit log.</summary>
    public AuditPage? Audit { get; private set; }

    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        License = await licenses.FindAsync(id, ct);
        if (License is null)
        {
            return NotFound();
        }

        Terms = LicenseJson.ReadTerms(License.TermsJson);
        UsableFrom = licenses.UsableFrom(Terms);
        History = await licenses.HistoryAsync(id, ct);
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        BurnDowns = License.Lines.ToDictionary(l => l.Index, l => (IReadOnlyList<BurnDownPoint>)History.BurnDown(l));
        if ((await authorization.AuthorizeAsync(User, Policies.ReadAudit)).Succeeded)
        {
            Audit = await reader.PageAsync(new AuditFilter(null, null, "license", id.ToString(CultureInfo.InvariantCulture), null, null), 1, AuditShown, ct);
        }

        return Page();
    }

    /// <summary>The chart's polyline for one series: a step line (a value holds until the next day it changes), drawn to
    /// <paramref name="end"/>.</summary>
    public static string Steps(IReadOnlyList<BurnDownPoint> points, Func<BurnDownPoint, double> value, DateOnly start, DateOnly end, double max)
    {
        var parts = new List<string>();
        for (var i = 0; i < points.Count; i++)
        {
            var y = Y(value(points[i]), max);
            if (i > 0)
            {
                parts.Add($"{X(points[i].Date, start, end)},{Y(value(points[i - 1]), max)}");
            }

            parts.Add($"{X(points[i].Date, start, end)},{y}");
        }

        if (points.Count > 0)
        {
            parts.Add($"{X(end, start, end)},{Y(value(points[^1]), max)}");
        }

        return string.Join(" ", parts);
    }

    public static string X(DateOnly date, DateOnly start, DateOnly end)
    {
        var span = Math.Max(1, end.DayNumber - start.DayNumber);
        return F(Left + ((double)(date.DayNumber - start.DayNumber) / span * (Width - Left - Right)));
    }

    public static string Y(double value, double max) => F(Top + ((1 - (value / Math.Max(1, max))) * (Height - Top - Bottom)));

    /// <summary>A money amount short enough for an axis tick: 12.5M, 480k, 950; the table gives the exact figures.</summary>
    public static string Compact(double value) => Math.Abs(value) switch
    {
        >= 1e9 => (value / 1e9).ToString("0.##", CultureInfo.InvariantCulture) + "bn",
        >= 1e6 => (value / 1e6).ToString("0.##", CultureInfo.InvariantCulture) + "M",
        >= 1e3 => (value / 1e3).ToString("0.##", CultureInfo.InvariantCulture) + "k",
        _ => value.ToString("0.##", CultureInfo.InvariantCulture),
    };

    public static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
}
