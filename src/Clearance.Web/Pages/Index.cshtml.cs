using System.Globalization;
using System.Text.RegularExpressions;
using Clearance.Alerts;
using Clearance.Licenses;
using Clearance.Lists;
using Clearance.Orders;
using Clearance.Web.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Clearance.Web.Pages;

[Authorize(Policy = Policies.ReadOrders)]
public sealed partial class DashboardModel(OrderWorkflow orders, AlertWorkflow alerts, LicenseWorkflow licenses, ListVersions versions, ScreeningLists lists, TimeProvider clock) : PageModel
{
    public DateTime Now { get; private set; }

    public IReadOnlyList<(string Label, int Count)> Held { get; private set; } = [];

    public int OpenAlerts { get; private set; }

    public DateTime? OldestAlert { get; private set; }

    public int WaitingForLicense { get; private set; }

    /// <summary>Licenses near expiry or exhaustion: the same query as <c>GET /api/licenses/watch</c>.</summary>
    public LicenseWatch? Watch { get; private set; }

    public long Generation { get; private set; }

    public IReadOnlyList<ListInUse> Lists { get; private set; } = [];

    public IReadOnlyList<ListVersionSummary> Versions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow().UtcDateTime;
        var held = await orders.HeldSinceAsync(ct);
        Held = [.. Dashboard.AgeBuckets.Select((b, i) => (b.Label, held.Count(at => Dashboard.Bucket(Now - at) == i)))];
        (OpenAlerts, OldestAlert) = await alerts.OpenSummaryAsync(ct);
        WaitingForLicense = (await orders.CountByStatusAsync(ct)).GetValueOrDefault(OrderStatus.LicenseRequired);
        Watch = await licenses.WatchAsync(ct);
        var snapshot = lists.Current;
        Generation = snapshot.Generation;
        Lists = [.. snapshot.Set.Lists.Select((l, i) => new ListInUse(snapshot.Sources[i], l.Version, l.Entries.Count, l.Problems.Count, Dated(l.Version)))];
        Versions = await versions.ListAsync(ct);
    }

    static DateOnly? Dated(string version) =>
        IsoDate().Match(version) is { Success: true } m && DateOnly.TryParseExact(m.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}")]
    private static partial Regex IsoDate();

    /// <summary>A list screened now; <paramref name="Dated"/> is its own date, read from its version label, when it has one.</summary>
    public sealed record ListInUse(string Source, string Version, int Entries, int Problems, DateOnly? Dated);
}

public static class Dashboard
{
    public static IReadOnlyList<(string Label, TimeSpan Below)> AgeBuckets { get; } =
    [
        ("under 1 day", TimeSpan.FromDays(1)),
        ("1 to 7 days", TimeSpan.FromDays(7)),
        ("7 to 30 days", TimeSpan.FromDays(30)),
        ("30 days or more", TimeSpan.MaxValue),
    ];

    public static int Bucket(TimeSpan age)
    {
        for (var i = 0; i < AgeBuckets.Count; i++)
        {
            if (age < AgeBuckets[i].Below)
            {
                return i;
            }
        }

        return AgeBuckets.Count - 1;
    }

    public static string Age(TimeSpan age) =>
        age.TotalDays >= 2 ? $"{(int)age.TotalDays} days"
        : age.TotalHours >= 2 ? $"{(int)age.TotalHours} hours"
        : $"{Math.Max(0, (int)age.TotalMinutes)} minutes";
}
