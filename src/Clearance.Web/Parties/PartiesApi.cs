using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Clearance.Alerts;
using Clearance.Parties;
using Clearance.Web.Alerts;
using Clearance.Web.Users;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Clearance.Web.Parties;

public static class PartiesApi
{
    public static RouteGroupBuilder MapParties(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/parties").WithTags("Parties");
        group.MapPost("/", Create).RequireAuthorization(Policies.ManageParties);
        group.MapPut("/{id:long}", Update).RequireAuthorization(Policies.ManageParties);
        group.MapGet("/{id:long}", Get).RequireAuthorization(Policies.ReadScreening);
        group.MapGet("/", List).RequireAuthorization(Policies.ReadScreening);
        return group;
    }

    /// <param name="Name">The legal name.</param>
    /// <param name="Aliases">Other names the party trades under; each is screened.</param>
    /// <param name="Country">ISO 3166-1 alpha-2.</param>
    /// <param name="Address">One line.</param>
    /// <param name="Headquarters">Country of the ultimate parent, ISO 3166-1 alpha-2.</param>
    /// <param name="ExternalReference">The ERP's customer key; unique.</param>
    public sealed record PartyRequest(string? Name, IReadOnlyList<string?>? Aliases, string? Country, string? Address, string? Headquarters, string? ExternalReference);

    /// <summary>Creates a party and screens it; the response lists the alerts raised (<c>raised</c>).</summary>
    static async Task<Results<Created<JsonObject>, ValidationProblem, ProblemHttpResult>> Create(
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
    static async Task<Results<Ok<JsonObject>, NotFound, ValidationProblem, ProblemHttpResult>> Update(
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

    static async Task<Results<Ok<JsonObject>, NotFound>> Get(long id, PartyWorkflow parties, CancellationToken ct) =>
        await parties.FindAsync(id, ct) is { } party ? TypedResults.Ok(await ViewAsync(party, null, parties, ct)) : TypedResults.NotFound();

    /// <summary>Newest first, at most 1000. <c>name</c> matches part of the name (case as stored); <c>openAlerts</c>
    /// keeps parties with (true) or without (false) an open alert.</summary>
    static async Task<Results<Ok<JsonArray>, ValidationProblem>> List(
        string? name, string? country, string? externalReference, bool? openAlerts, PartyWorkflow parties, CancellationToken ct)
    {
        if (country is not null && (country.Length != 2 || !country.All(char.IsAsciiLetterUpper)))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["country"] = ["An ISO 3166-1 alpha-2 code in capitals, such as CN."] });
        }

        var found = await parties.ListAsync(new PartyFilter(name, country, externalReference, openAlerts), ct);
        var counts = await parties.AlertCountsAsync([.. found.Select(p => p.Id)], ct);
        return TypedResults.Ok(new JsonArray([.. found.Select(p => (JsonNode)View(p, counts[p.Id], null))]));
    }

    static PartyFields Fields(PartyRequest request) =>
        new(request.Name, request.Aliases, request.Country, request.Address, request.Headquarters, request.ExternalReference);

    static async Task<JsonObject> ViewAsync(Party party, IReadOnlyList<Alert>? raised, PartyWorkflow parties, CancellationToken ct) =>
        View(party, (await parties.AlertCountsAsync([party.Id], ct))[party.Id], raised);

    /// <summary>The party; <c>screening.status</c> is <c>match</c> when a true match stands, <c>potential-match</c> while an
    /// alert is open, else <c>clear</c>.</summary>
    static JsonObject View(Party party, (int Open, int TrueMatches) alerts, IReadOnlyList<Alert>? raised)
    {
        var view = new JsonObject
        {
            ["id"] = party.Id,
            ["externalReference"] = party.ExternalReference,
            ["name"] = party.Name,
            ["aliases"] = new JsonArray([.. party.Aliases.Select(a => (JsonNode)a)]),
            ["country"] = party.Country,
            ["address"] = party.Address,
            ["headquarters"] = party.Headquarters,
            ["createdBy"] = party.CreatedBy,
            ["createdAt"] = party.CreatedAt,
            ["updatedBy"] = party.UpdatedBy,
            ["updatedAt"] = party.UpdatedAt,
            ["screening"] = new JsonObject
            {
                ["status"] = alerts.TrueMatches > 0 ? "match" : alerts.Open > 0 ? "potential-match" : "clear",
                ["openAlerts"] = alerts.Open,
                ["trueMatches"] = alerts.TrueMatches,
                ["screenedAt"] = party.ScreenedAt,
                ["listVersionHash"] = party.ListVersionHash,
            },
        };
        if (raised is not null)
        {
            view["raised"] = new JsonArray([.. raised.Select(a => (JsonNode)AlertsApi.View(a))]);
        }

        return view;
    }
}
