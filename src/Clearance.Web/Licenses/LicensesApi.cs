using System.Globalization;
using System.Security.Claims;
using Clearance.Licenses;
using Clearance.Web.Hosting;
using Clearance.Web.Users;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Clearance.Web.Licenses;

public static class LicensesApi
{
    public static RouteGroupBuilder MapLicenses(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/licenses").WithTags("Licenses");
        group.MapPost("/", Create).RequireAuthorization(Policies.ManageLicenses);
        group.MapGet("/", List).RequireAuthorization(Policies.ReadOrders);
        group.MapGet("/{id:long}", Get).RequireAuthorization(Policies.ReadOrders);
        group.MapGet("/watch", Watch).RequireAuthorization(Policies.ReadOrders);
        group.MapPost("/{id:long}/amend", Amend).RequireAuthorization(Policies.ManageLicenses).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:long}/revoke", Revoke).RequireAuthorization(Policies.ManageLicenses).ProducesProblem(StatusCodes.Status409Conflict);
        return group.WithProblemResponses();
    }

    /// <param name="Reason">Why the license changes; kept in the audit log.</param>
    /// <param name="License">The license's terms after the amendment, as <c>POST /api/licenses</c> takes them.</param>
    public sealed record AmendRequest(string? Reason, LicenseRequest? License);

    /// <param name="Reason">Why the license is revoked; kept with it and in the audit log.</param>
    public sealed record RevokeRequest(string? Reason);

    /// <summary>A license with what is reserved, shipped and left on each line.</summary>
    public sealed record LicenseView(
        long Id, string Number, string Type, string Holder, DateOnly ValidFrom, DateOnly ValidTo, DateOnly UsableFrom, string Currency, string Status,
        IReadOnlyList<string> Destinations, IReadOnlyList<LicenseParty> Parties, IReadOnlyList<LicenseLineView> Lines,
        IReadOnlyList<LicenseCondition> Conditions, DateOnly? NotifiedOn, string? ConfirmationNumber,
        string CreatedBy, DateTime CreatedAt, string UpdatedBy, DateTime UpdatedAt, RevocationView? Revocation);

    public sealed record LicenseLineView(
        int Line, string Item, long Quantity, decimal Value, long QuantityReserved, long QuantityShipped, long QuantityLeft,
        decimal ValueReserved, decimal ValueShipped, decimal ValueLeft);

    public sealed record RevocationView(string By, DateTime At, string Reason);

    static async Task<Results<Created<LicenseView>, ValidationProblem>> Create(
        LicenseRequest request, ClaimsPrincipal caller, LicenseWorkflow licenses, CancellationToken ct)
    {
        var outcome = await licenses.CreateAsync(caller.UserName(), request, ct);
        return outcome.Result == LicenseResult.Saved
            ? TypedResults.Created($"/api/licenses/{outcome.License!.Id.ToString(CultureInfo.InvariantCulture)}", View(outcome.License, licenses))
            : TypedResults.ValidationProblem(outcome.Errors, title: "The license is not valid.");
    }

    static async Task<Results<Ok<LicenseView>, NotFound>> Get(long id, LicenseWorkflow licenses, CancellationToken ct) =>
        await licenses.FindAsync(id, ct) is { } license ? TypedResults.Ok(View(license, licenses)) : TypedResults.NotFound();

    /// <summary>Newest first, at most 1000.</summary>
    static async Task<Ok<IReadOnlyList<LicenseView>>> List(LicenseWorkflow licenses, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<LicenseView>>([.. (await licenses.ListAsync(ct)).Select(l => View(l, licenses))]);

    /// <summary>Licenses near expiry (90 days) or exhaustion (90% reserved or shipped) and orders waiting for a license,
    /// with the uncovered lines and why: what to apply for next.</summary>
    static async Task<Ok<LicenseWatch>> Watch(LicenseWorkflow licenses, CancellationToken ct) => TypedResults.Ok(await licenses.WatchAsync(ct));

    static async Task<Results<Ok<LicenseView>, NotFound, ValidationProblem, ProblemHttpResult>> Amend(
        long id, AmendRequest request, ClaimsPrincipal caller, LicenseWorkflow licenses, CancellationToken ct)
    {
        if (Reason(request.Reason) is not { } reason)
        {
            return ReasonRequired();
        }

        var outcome = await licenses.AmendAsync(caller.UserName(), id, reason, request.License, ct);
        return Answer(outcome, licenses);
    }

    static async Task<Results<Ok<LicenseView>, NotFound, ValidationProblem, ProblemHttpResult>> Revoke(
        long id, RevokeRequest request, ClaimsPrincipal caller, LicenseWorkflow licenses, CancellationToken ct)
    {
        if (Reason(request.Reason) is not { } reason)
        {
            return ReasonRequired();
        }

        return Answer(await licenses.RevokeAsync(caller.UserName(), id, reason, ct), licenses);
    }

    static Results<Ok<LicenseView>, NotFound, ValidationProblem, ProblemHttpResult> Answer(LicenseOutcome outcome, LicenseWorkflow licenses) => outcome.Result switch
    {
        LicenseResult.Saved => TypedResults.Ok(View(outcome.License!, licenses)),
        LicenseResult.NotFound => TypedResults.NotFound(),
        LicenseResult.Invalid => TypedResults.ValidationProblem(outcome.Errors, title: "The license is not valid."),
        LicenseResult.Conflict => TypedResults.Problem(outcome.Detail, statusCode: StatusCodes.Status409Conflict, title: "The license cannot be changed."),
    };

    static string? Reason(string? reason) =>
        reason?.Trim() is { Length: > 0 and <= LicenseValidator.MaximumReasonLength } trimmed ? trimmed : null;

    static ValidationProblem ReasonRequired() => TypedResults.ValidationProblem(new Dictionary<string, string[]>
    {
        ["$.reason"] = [$"Required: why, 1 to {LicenseValidator.MaximumReasonLength} characters."],
    });

    static LicenseView View(License license, LicenseWorkflow licenses)
    {
        var terms = LicenseJson.ReadTerms(license.TermsJson);
        return new LicenseView(
            license.Id, license.Number, license.Type, license.Holder, license.ValidFrom, license.ValidTo, licenses.UsableFrom(terms), license.Currency,
            license.Revoked ? "revoked" : "active", terms.Destinations, terms.Parties,
            [.. license.Lines.OrderBy(l => l.Index).Select(l => new LicenseLineView(
                l.Index, l.Item, l.Quantity, l.Value, l.QuantityReserved, l.QuantityShipped, l.QuantityLeft, l.ValueReserved, l.ValueShipped, l.ValueLeft))],
            terms.Conditions, license.NotifiedOn, license.ConfirmationNumber, license.CreatedBy, license.CreatedAt, license.UpdatedBy, license.UpdatedAt,
            license.Revoked ? new RevocationView(license.RevokedBy!, license.RevokedAt!.Value, license.RevokeReason!) : null);
    }
}
