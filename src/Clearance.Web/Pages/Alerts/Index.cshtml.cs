using System.Globalization;
using Clearance.Alerts;
using Clearance.Rules;
using Clearance.Web.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Clearance.Web.Pages.Alerts;

[Authorize(Policy = Policies.ReadScreening)]
public sealed class AlertsModel(AlertWorkflow alerts) : PageModel
{
    public const int PageSize = 50;

    static readonly string[] Sources = [Alert.PartySource, Alert.OrderSource];

    [FromQuery(Name = "status")]
    public string? Status { get; set; }

    [FromQuery(Name = "source")]
    public string? Source { get; set; }

    [FromQuery(Name = "list")]
    public string? List { get; set; }

    [FromQuery(Name = "page")]
    public string? PageNumber { get; set; }

    public Dictionary<string, string[]> Errors { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<Alert> Rows { get; private set; } = [];

    public int Total { get; private set; }

    public Pager? Pager { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        // The queue: open alerts unless another status is asked for ("any" lists all).
        Status = string.IsNullOrWhiteSpace(Status) ? AlertStatus.Open.Name() : Status.Trim();
        var status = Status == "any" ? null : WireNames.Parse<AlertStatus>(Status);
        if (Status != "any" && status is null)
        {
            Errors["status"] = [$"any, or one of {string.Join(", ", WireNames.All<AlertStatus>())}."];
        }

        Source = string.IsNullOrWhiteSpace(Source) ? null : Source.Trim();
        if (Source is not null && !Sources.Contains(Source, StringComparer.Ordinal))
        {
            Errors["source"] = [$"One of {string.Join(", ", Sources)}."];
        }

        List = string.IsNullOrWhiteSpace(List) ? null : List.Trim();
        var page = 1;
        if (!string.IsNullOrWhiteSpace(PageNumber) && (!int.TryParse(PageNumber, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1))
        {
            Errors["page"] = ["A page number from 1."];
        }

        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        // The workflow lists the newest alerts up to its cap; the queue pages through those, oldest first, on the server.
        var found = await alerts.ListAsync(new AlertFilter(status, null, null, List, Source), ct);
        Total = found.Count;
        var pages = Math.Max(1, (Total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pages);
        Rows = [.. found.OrderBy(a => a.RaisedAt).ThenBy(a => a.Id).Skip((page - 1) * PageSize).Take(PageSize)];
        Pager = new Pager("/alerts", new Dictionary<string, string?>(StringComparer.Ordinal) { ["status"] = Status, ["source"] = Source, ["list"] = List }, page, pages, Total);
        return Page();
    }
}
