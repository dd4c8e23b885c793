using System.Globalization;
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

    /// <summary>The share held together by owners with an open or true-match alert; null when no owner has one.</summary>
    public double? ListedOwnerShare { get; private set; }

    /// <summary>Whether an owner with such an alert has no recorded share.</summary>
    public bool ListedOwnerShareUnknown { get; private set; }

    /// <summary>The alerts raised on an owner of the party (by its screening subject, its name and country).</summary>
    public IReadOnlyList<Alert> OwnerAlerts(PartyOwner owner)
    {
        var subject = ScreeningSubject.Key(owner.Name, [], owner.Country);
        return [.. Alerts.Where(a => a.Role == Alert.OwnerRole && string.Equals(a.SubjectKey, subject, StringComparison.Ordinal))];
    }

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

    /// <summary>The owner rows of the form: the party's owners and <see cref="BlankOwnerRows"/> empty rows to add more;
    /// a row left empty is not an owner.</summary>
    [BindProperty]
    public List<OwnerRow> Owners { get; set; } = [];

    public const int BlankOwnerRows = 2;

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
        var (owners, ownerErrors) = ReadOwners(Owners);
        var fields = new PartyFields(Name, aliases, Blank(Country), Blank(Address), Blank(Headquarters), Blank(ExternalReference)) { Owners = owners };
        var outcome = ownerErrors.Count > 0
            ? new PartyOutcome(PartyResult.Invalid, null, ownerErrors, [])
            : await parties.UpdateAsync(User.UserName(), id, fields, ct);
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
        else
        {
            Owners = [.. Owners.Where(o => !o.IsEmpty), .. Enumerable.Range(0, BlankOwnerRows).Select(_ => new OwnerRow())];
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
        var listed = Party.Owners.Where(o => OwnerAlerts(o).Any(a => a.Status is AlertStatus.Open or AlertStatus.TrueMatch)).ToList();
        ListedOwnerShare = listed.Count == 0 ? null : listed.Sum(o => o.Percent ?? 0);
        ListedOwnerShareUnknown = listed.Any(o => o.Percent is null);
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
        Owners =
        [
            .. party.Owners.Select(o => new OwnerRow { Name = o.Name, Country = o.Country, Percent = o.Percent?.ToString("0.####", CultureInfo.InvariantCulture) }),
            .. Enumerable.Range(0, BlankOwnerRows).Select(_ => new OwnerRow()),
        ];
    }

    /// <summary>The owners of the non-empty rows, numbered as the workflow numbers them (<c>owners[0]</c> is the first
    /// owner given), and the rows whose share is not a number.</summary>
    static (List<PartyOwnerFields?> Owners, Dictionary<string, string[]> Errors) ReadOwners(IReadOnlyList<OwnerRow> rows)
    {
        var owners = new List<PartyOwnerFields?>();
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var row in rows.Where(r => !r.IsEmpty))
        {
            double? percent = null;
            if (Blank(row.Percent) is { } text)
            {
                if (double.TryParse(text.TrimEnd('%').Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
                {
                    percent = value;
                }
                else
                {
                    errors[$"owners[{owners.Count.ToString(CultureInfo.InvariantCulture)}].percent"] = [$"'{text}' is not a percentage such as 25 or 12.5."];
                }
            }

            owners.Add(new PartyOwnerFields(Blank(row.Name), Blank(row.Country), percent));
        }

        return (owners, errors);
    }

    static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>One owner row of the form, as typed.</summary>
    public sealed class OwnerRow
    {
        public string? Name { get; set; }

        public string? Country { get; set; }

        public string? Percent { get; set; }

        public bool IsEmpty => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Country) && string.IsNullOrWhiteSpace(Percent);
    }
}
