using System.Globalization;
using Clearance.Parties;
using Clearance.Web.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Clearance.Web.Pages.Parties;

[Authorize(Policy = Policies.ReadScreening)]
public sealed class PartiesModel(PartyWorkflow parties) : PageModel
{
    public const int PageSize = 50;

    [FromQuery(Name = "name")]
    public string? Name { get; set; }

    [FromQuery(Name = "country")]
    public string? Country { get; set; }

    [FromQuery(Name = "alerts")]
    public string? OpenAlerts { get; set; }

    [FromQuery(Name = "page")]
    public string? PageNumber { get; set; }

    public Dictionary<string, string[]> Errors { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<Party> Rows { get; private set; } = [];

    public IReadOnlyDictionary<long, (int Open, int TrueMatches)> Counts { get; private set; } = new Dictionary<long, (int, int)>();

    public int Total { get; private set; }

    public Pager? Pager { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Name = string.IsNullOrWhiteSpace(Name) ? null : Name.Trim();
        Country = string.IsNullOrWhiteSpace(Country) ? null : Country.Trim();
        if (Name is { Length: > PartyWorkflow.MaximumNameLength })
        {
            Errors["name"] = [$"At most {PartyWorkflow.MaximumNameLength} characters."];
        }

        if (Country is not null && (Country.Length != 2 || !Country.All(char.IsAsciiLetterUpper)))
        {
            Errors["country"] = ["An ISO 3166-1 alpha-2 code in capitals, such as CN."];
        }

        bool? open = OpenAlerts switch
        {
            null or "" => null,
            "open" => true,
            "none" => false,
            _ => null,
        };
        if (OpenAlerts is not (null or "" or "open" or "none"))
        {
            Errors["alerts"] = ["open or none."];
        }

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

        (Rows, Total, page) = await parties.PageAsync(new PartyFilter(Name, Country, null, open), page, PageSize, ct);
        var pages = Math.Max(1, (Total + PageSize - 1) / PageSize);
        Counts = await parties.AlertCountsAsync([.. Rows.Select(p => p.Id)], ct);
        Pager = new Pager("/parties", new Dictionary<string, string?>(StringComparer.Ordinal) { ["name"] = Name, ["country"] = Country, ["alerts"] = OpenAlerts }, page, pages, Total);
        return Page();
    }
}
