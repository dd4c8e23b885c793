using Clearance.Alerts;
using Clearance.Parties;
using Clearance.Web.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Clearance.Web.Pages.Parties;

[Authorize(Policy = Policies.ReadScreening)]
public sealed class PartyModel(PartyWorkflow parties, AlertWorkflow alerts, IAuthorizationService authorization) : PageModel
{
    public Party? Party { get; private set; }

    public IReadOnlyList<Alert> Alerts { get; private set; } = [];

    public bool CanEdit { get; private set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Aliases { get; set; }

    [BindProperty]
    public string? Country { get; set; }

    [BindProperty]
    public string? Address { get; set; }

    [BindProperty]
    public string? Headquarters { get; set; }

    [BindProperty]
    public string? ExternalReference { get; set; }

    public string? Message { get; private set; }

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Fill(Party!);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.ManageParties)).Succeeded)
        {
            return Forbid();
        }

        var aliases = (Aliases ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var fields = new PartyFields(Name, aliases, Blank(Country), Blank(Address), Blank(Headquarters), Blank(ExternalReference));
        var outcome = await parties.UpdateAsync(User.UserName(), id, fields, ct);
        switch (outcome.Result)
        {
            case PartyResult.NotFound:
                return NotFound();
            case PartyResult.Invalid:
                Errors = outcome.Errors;
                Response.StatusCode = StatusCodes.Status400BadRequest;
                break;
            case PartyResult.DuplicateReference:
                Errors = new Dictionary<string, string[]> { ["externalReference"] = ["Another party has this reference."] };
                Response.StatusCode = StatusCodes.Status409Conflict;
                break;
            case PartyResult.Saved:
                Message = outcome.Raised.Count == 0
                    ? "Saved and screened again: no new alert."
                    : $"Saved and screened again: {outcome.Raised.Count} new alert(s).";
                break;
        }

        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (outcome.Result == PartyResult.Saved)
        {
            Fill(Party!);
        }

        return Page();
    }

    async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        Party = await parties.FindAsync(id, ct);
        if (Party is null)
        {
            return false;
        }

        Alerts = await alerts.ListAsync(new AlertFilter(null, id, null, null, null), ct);
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.ManageParties)).Succeeded;
        return true;
    }

    void Fill(Party party)
    {
        Name = party.Name;
        Aliases = string.Join('\n', party.Aliases);
        Country = party.Country;
        Address = party.Address;
        Headquarters = party.Headquarters;
        ExternalReference = party.ExternalReference;
    }

    static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
