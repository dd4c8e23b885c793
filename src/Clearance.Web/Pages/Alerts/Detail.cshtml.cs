using Clearance.Alerts;
using Clearance.Audit;
using Clearance.Lists;
using Clearance.Orders;
using Clearance.Rules;
using Clearance.Screening;
using Clearance.Web.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Clearance.Web.Pages.Alerts;

[Authorize(Policy = Policies.ReadScreening)]
public sealed class AlertDetailModel(AlertWorkflow alerts, AuditReader audit, ScreeningLists lists, IAuthorizationService authorization) : PageModel
{
    const int HistoryShown = 100;

    public Alert? Alert { get; private set; }

    /// <summary>The entry as the lists screened now carry it; null when a later list version no longer has it.</summary>
    public ListEntry? Entry { get; private set; }

    public IReadOnlyList<NameWord> Screened { get; private set; } = [];

    public IReadOnlyList<NameWord> Listed { get; private set; } = [];

    public IReadOnlyList<AuditEvent> History { get; private set; } = [];

    public bool CanDisposition { get; private set; }

    [BindProperty]
    public string? Disposition { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public string? Message { get; private set; }

    public Dictionary<string, string[]> Errors { get; } = new(StringComparer.Ordinal);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.DispositionAlerts)).Succeeded)
        {
            return Forbid();
        }

        var finding = WireNames.Parse<AlertStatus>(Disposition);
        if (finding is not (AlertStatus.TrueMatch or AlertStatus.FalsePositive))
        {
            Errors["disposition"] = ["Required: true-match or false-positive."];
        }

        var reason = Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > OrderWorkflow.MaximumReasonLength)
        {
            Errors["reason"] = [$"Required: why, 1 to {OrderWorkflow.MaximumReasonLength} characters."];
        }

        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }

        var outcome = await alerts.DispositionAsync(User.UserName(), id, finding!.Value, reason!, ct);
        switch (outcome.Result)
        {
            case DispositionResult.NotFound:
                return NotFound();
            case DispositionResult.Recorded:
                Message = $"Recorded: {finding.Value.Name()}.";
                Reason = null;
                break;
            case DispositionResult.AlreadyDispositioned:
                Errors["disposition"] = [$"The alert was dispositioned {outcome.Alert!.Status.Name()} by {outcome.Alert.DispositionedBy}."];
                Response.StatusCode = StatusCodes.Status409Conflict;
                break;
        }

        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        Alert = await alerts.FindAsync(id, ct);
        if (Alert is null)
        {
            return false;
        }

        Entry = lists.Current.Find(Alert.List, Alert.EntryId);
        Screened = NameWord.Align(Alert.PartyName, Alert.MatchedName);
        Listed = NameWord.Align(Alert.MatchedName, Alert.PartyName);
        History = (await audit.PageAsync(new AuditFilter(null, null, "alert", Alert.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), null, null), 1, HistoryShown, ct)).Events;
        CanDisposition = Alert.Status == AlertStatus.Open && (await authorization.AuthorizeAsync(User, Policies.DispositionAlerts)).Succeeded;
        return true;
    }
}

/// <summary>A word of a name, marked when it shares a normalised token with the other name (the screening normaliser's
/// tokens, so transliterated and folded forms align too).</summary>
public sealed record NameWord(string Text, bool Aligned)
{
    public static IReadOnlyList<NameWord> Align(string name, string other)
    {
        var tokens = Tokens(other);
        return [.. name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => new NameWord(w, Tokens(w).Overlaps(tokens)))];
    }

    static HashSet<string> Tokens(string text) =>
        NameNormalizer.Normalize(text).SelectMany(n => n.Tokens).Select(t => t.Text).ToHashSet(StringComparer.Ordinal);
}
