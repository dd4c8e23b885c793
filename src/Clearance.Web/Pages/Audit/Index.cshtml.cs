using System.Globalization;
using Clearance.Audit;
using Clearance.Web.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Clearance.Web.Pages.Audit;

[Authorize(Policy = Policies.ReadAudit)]
public sealed class AuditModel(AuditReader reader, AuditVerifier verifier) : PageModel
{
    public const int PageSize = 50;

    [FromQuery(Name = "actor")]
    public string? Actor { get; set; }

    [FromQuery(Name = "action")]
    public string? Action { get; set; }

    [FromQuery(Name = "entityType")]
    public string? EntityType { get; set; }

    [FromQuery(Name = "entityId")]
    public string? EntityId { get; set; }

    [FromQuery(Name = "from")]
    public string? From { get; set; }

    [FromQuery(Name = "to")]
    public string? To { get; set; }

    [FromQuery(Name = "page")]
    public string? PageNumber { get; set; }

    [FromQuery(Name = "verify")]
    public string? Verify { get; set; }

    public Dictionary<string, string[]> Errors { get; } = new(StringComparer.Ordinal);

    public AuditPage? Result { get; private set; }

    public IReadOnlyList<string> Actions { get; private set; } = [];

    /// <summary>The chain's verification, when asked for: it reads every event.</summary>
    public AuditVerification? Verification { get; private set; }

    public Pager? Pager { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Actor = Blank(Actor);
        Action = Blank(Action);
        EntityType = Blank(EntityType);
        EntityId = Blank(EntityId);
        var from = Date("from", Blank(From));
        var to = Date("to", Blank(To));
        if (from > to)
        {
            Errors["to"] = ["Must not be before 'from'."];
        }

        var page = 1;
        if (Blank(PageNumber) is { } text && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1))
        {
            Errors["page"] = ["A page number from 1."];
        }

        Actions = await reader.ActionsAsync(ct);
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (Verify is "1" or "true")
        {
            Verification = await verifier.VerifyAsync(ct);
        }

        Result = await reader.PageAsync(new AuditFilter(Actor, Action, EntityType, EntityId, from, to), page, PageSize, ct);
        Pager = new Pager("/audit", new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["actor"] = Actor,
            ["action"] = Action,
            ["entityType"] = EntityType,
            ["entityId"] = EntityId,
            ["from"] = From,
            ["to"] = To,
        }, Result.Page, Result.Pages, Result.Total);
        return Page();
    }

    DateOnly? Date(string field, string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Errors[field] = ["A date, YYYY-MM-DD."];
        return null;
    }

    static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
