using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Serialization;
using Clearance.Alerts;
using Clearance.Parties;
using Clearance.Web.Alerts;
using Clearance.Web.Hosting;
using Clearance.Web.Users;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Clearance.Web.Parties;

public static class PartiesApi
{
    public static RouteGroupBuilder MapParties(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/parties").WithTags("Parties");
        group.MapPost("/", Create).RequireAuthorization(Policies.ManageParties).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPut("/{id:long}", Update).RequireAuthorization(Policies.ManageParties).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{id:long}", Get).RequireAuthorization(Policies.ReadScreening);
        group.MapGet("/", List).RequireAuthorization(Policies.ReadScreening);
        return group.WithProblemResponses();
    }

    /// <param name="Name">The legal name.</param>
    /// <param name="Aliases">Other names the party trades under; each is screened.</param>
    /// <param name="Country">ISO 3166-1 alpha-2.</param>
    /// <param name="Address">One line.</param>
    /// <param name="Headquarters">Country of the ultimate parent, ISO 3166-1 alpha-2.</param>
    /// <param name="ExternalReference">The ERP's customer key; unique.</param>
    /// <param name="Owners">Who owns the party; each owner is screened with it.</param>
    public sealed record PartyRequest(string? Name, IReadOnlyList<string?>? Aliases, string? Country, string? Address, string? Headquarters, string? ExternalReference,
        IReadOnlyList<OwnerRequest?>? Owners = null);

    /// <param name="Name">The owner's name (screened).</param>
    /// <param name="Country">ISO 3166-1 alpha-2, when known.</param>
    /// <param name="Percent">The share of the party it owns, 0 to 100; absent when not known.</param>
    public sealed record OwnerRequest(string? Name, string? Country, double? Percent);

    /// <summary>A party of the customer master.</summary>
    /// <param name="Id">The service's number for the party.</param>
    /// <param name="ExternalReference">The ERP's customer key.</param>
    /// <param name="Name">The legal name.</param>
    /// <param name="Aliases">Other names the party trades under.</param>
    /// <param name="Country">ISO 3166-1 alpha-2.</param>
    /// <param name="Address">One line.</param>
    /// <param name="Headquarters">Country of the ultimate parent.</param>
    /// <param name="Owners">Who owns the party.</param>
    /// <param name="CreatedBy">Who created it.</param>
    /// <param name="CreatedAt">When, UTC.</param>
    /// <param name="UpdatedBy">Who changed it last.</param>
    /// <param name="UpdatedAt">When, UTC.</param>
    /// <param name="Screening">Its screening status, owners included.</param>
    /// <param name="Raised">The alerts this save raised (on a create or an update only).</param>
    public sealed record PartyResponse(
        long Id, string? ExternalReference, string Name, IReadOnlyList<string> Aliases, string Country, string? Address, string? Headquarters,
        IReadOnlyList<OwnerResponse> Owners, string CreatedBy, DateTime CreatedAt, string UpdatedBy, DateTime UpdatedAt, PartyScreeningResponse Screening,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<AlertView>? Raised);

    /// <param name="Name">The owner's name.</param>
    /// <param name="Country">ISO 3166-1 alpha-2, when known.</param>
    /// <param name="Percent">Its share in percent; null when not known.</param>
    public sealed record OwnerResponse(string Name, string? Country, double? Percent);

    /// <param name="Status"><c>match</c> when a true match stands (on the party or one of its owners), <c>potential-match</c>
    /// while an alert is open, else <c>clear</c>.</param>
    /// <param name="OpenAlerts">Open alerts on the party and its owners.</param>
    /// <param name="TrueMatches">Standing true matches on the party and its owners.</param>
    /// <param name="ScreenedAt">When it was last screened.</param>
    /// <param name="ListVersionHash">The list versions it was screened against.</param>
    public sealed record PartyScreeningResponse(string Status, int OpenAlerts, int TrueMatches, DateTime ScreenedAt, string ListVersionHash);

    /// <summary>Creates a party and screens it; the response lists the alerts raised (<c>raised</c>).</summary>
    static async Task<Results<Created<PartyResponse>, ValidationProblem, ProblemHttpResult>> Create(
        PartyRequest request, ClaimsPrincipal caller, PartyWorkflow parties, CancellationToken ct)
    {
        var outcome = await parties.CreateAsync(caller.UserName(), Fields(request), ct);
        return outcome.Result switch
        {
            PartyResult.Saved => TypedResults.Created($"/api/parties/{outcome.Party!.Id.ToString(CultureInfo.InvariantCulture)}", await ViewAsync(outcome.Party, outcome.Raised, parties, ct)),
            PartyResult.Invalid => TypedResults.ValidationProblem(outcome.Errors, title: "The party is not valid."),
            PartyResult.DuplicateReference => TypedResults.Problem($"Another party has the external reference '{request.ExternalReference}'.", statusCode: StatusCodes.Status409Conflict, title: "Duplicate external reference."),
            PartyResult.NotFound => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound),
        };
    }

    /// <summary>Replaces the party's fields and screens it again; the response lists the alerts this raised.</summary>
    static async Task<Results<Ok<PartyResponse>, NotFound, ValidationProblem, ProblemHttpResult>> Update(
        long id, PartyRequest request, ClaimsPrincipal caller, PartyWorkflow parties, CancellationToken ct)
    {
        var outcome = await parties.UpdateAsync(caller.UserName(), id, Fields(request), ct);
        return outcome.Result switch
        {
            PartyResult.Saved => TypedResults.Ok(await ViewAsync(outcome.Party!, outcome.Raised, parties, ct)),
            PartyResult.Invalid => TypedResults.ValidationProblem(outcome.Errors, title: "The party is not valid."),
            PartyResult.NotFound => TypedResults.NotFound(),
            PartyResult.DuplicateReference => TypedResults.Problem($"Another party has the external reference '{request.ExternalReference}'.", statusCode: StatusCodes.Status409Conflict, title: "Duplicate external reference."),
        };
    }

    static async Task<Results<Ok<PartyResponse>, NotFound>> Get(long id, PartyWorkflow parties, CancellationToken ct) =>
        await parties.FindAsync(id, ct) is { } party ? TypedResults.Ok(await ViewAsync(party, null, parties, ct)) : TypedResults.NotFound();

    /// <summary>Newest first, at most 1000. <c>name</c> matches part of the name (case as stored); <c>openAlerts</c>
    /// keeps parties with (true) or without (false) an open alert.</summary>
    static async Task<Results<Ok<List<PartyResponse>>, ValidationProblem>> List(
        string? name, string? country, string? externalReference, bool? openAlerts, PartyWorkflow parties, CancellationToken ct)
    {
        if (country is not null && (country.Length != 2 || !country.All(char.IsAsciiLetterUpper)))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["country"] = ["An ISO 3166-1 alpha-2 code in capitals, such as CN."] });
        }

        var found = await parties.ListAsync(new PartyFilter(name, country, externalReference, openAlerts), ct);
        var counts = await parties.AlertCountsAsync([.. found.Select(p => p.Id)], ct);
        return TypedResults.Ok(found.Select(p => View(p, counts[p.Id], null)).ToList());
    }

    static PartyFields Fields(PartyRequest request) =>
        new(request.Name, request.Aliases, request.Country, request.Address, request.Headquarters, request.ExternalReference)
        {
            Owners = request.Owners?.Select(o => o is null ? null : new PartyOwnerFields(o.Name, o.Country, o.Percent)).ToList(),
        };

    static async Task<PartyResponse> ViewAsync(Party party, IReadOnlyList<Alert>? raised, PartyWorkflow parties, CancellationToken ct) =>
        View(party, (await parties.AlertCountsAsync([party.Id], ct))[party.Id], raised);

    static PartyResponse View(Party party, (int Open, int TrueMatches) alerts, IReadOnlyList<Alert>? raised) =>
        new(party.Id, party.ExternalReference, party.Name, party.Aliases, party.Country, party.Address, party.Headquarters,
            [.. party.Owners.Select(o => new OwnerResponse(o.Name, o.Country, o.Percent))],
            party.CreatedBy, party.CreatedAt, party.UpdatedBy, party.UpdatedAt,
            new PartyScreeningResponse(alerts.TrueMatches > 0 ? "match" : alerts.Open > 0 ? "potential-match" : "clear", alerts.Open, alerts.TrueMatches,
                party.ScreenedAt, party.ListVersionHash),
            raised?.Select(AlertView.Of).ToList());
}
