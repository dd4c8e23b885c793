using System.Globalization;
using System.Security.Claims;
using System.Text;
using Clearance.Licenses;
using Clearance.Web.Hosting;
using Clearance.Web.Users;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Clearance.Web.Licenses;

public static class LicenseApplicationsApi
{
    public static RouteGroupBuilder MapLicenseApplications(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/license-applications").WithTags("License applications");
        group.MapPost("/", Create).RequireAuthorization(Policies.ManageLicenses);
        group.MapGet("/", List).RequireAuthorization(Policies.ReadOrders);
        group.MapGet("/{id:long}", Get).RequireAuthorization(Policies.ReadOrders);
        group.MapPost("/{id:long}/submit", Submit).RequireAuthorization(Policies.ManageLicenses).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:long}/decision", Decide).RequireAuthorization(Policies.ManageLicenses).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:long}/withdraw", Withdraw).RequireAuthorization(Policies.ManageLicenses).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{id:long}/package", Package).RequireAuthorization(Policies.ReadOrders)
            .Produces<string>(StatusCodes.Status200OK, "text/plain", "text/csv");
        return group.WithProblemResponses();
    }

    /// <param name="Reason">Why the application is withdrawn; kept in the audit log.</param>
    public sealed record WithdrawRequest(string? Reason);

    /// <summary>A license application with its items, whitelist (each party's screening now), certifications and decision.</summary>
    public sealed record ApplicationView(
        long Id, string Status, string Applicant, DateOnly Date, string Destination, string? Origin, string EndUse, string Vintage,
        IReadOnlyList<ApplicationItem> Items, IReadOnlyList<ApplicationPartyView> Parties, IReadOnlyList<string> EndUseStatements,
        IReadOnlyList<ApplicationCertification> Certifications, ApplicationDecision? Decision, long? LicenseId, string? LicenseNumber,
        string Package, string? SubmittedBy, DateTime? SubmittedAt, string CreatedBy, DateTime CreatedAt, string UpdatedBy, DateTime UpdatedAt);

    public sealed record ApplicationPartyView(
        string Role, long PartyId, string Name, string Country, string? Headquarters, string? Address, PartyScreeningState? Screening);

    static async Task<Results<Created<ApplicationView>, ValidationProblem>> Create(
        LicenseApplicationRequest request, ClaimsPrincipal caller, LicenseApplicationWorkflow applications, CancellationToken ct)
    {
        var outcome = await applications.CreateAsync(caller.UserName(), request, ct);
        if (outcome.Result != ApplicationResult.Saved)
        {
            return TypedResults.ValidationProblem(outcome.Errors, title: "The license application is not valid.");
        }

        var record = (await applications.FindAsync(outcome.Application!.Id, ct))!;
        return TypedResults.Created(Location(record.Application.Id), View(record));
    }

    static async Task<Results<Ok<ApplicationView>, NotFound>> Get(long id, LicenseApplicationWorkflow applications, CancellationToken ct) =>
        await applications.FindAsync(id, ct) is { } record ? TypedResults.Ok(View(record)) : TypedResults.NotFound();

    /// <summary>Newest first, at most 1000.</summary>
    static async Task<Ok<IReadOnlyList<ApplicationView>>> List(LicenseApplicationWorkflow applications, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<ApplicationView>>([.. (await applications.ListAsync(ct)).Select(View)]);

    /// <summary>Screens the whitelist again and submits; 409 naming each party with an open alert or a standing true match.</summary>
    static async Task<Results<Ok<ApplicationView>, NotFound, ValidationProblem, ProblemHttpResult>> Submit(
        long id, ClaimsPrincipal caller, LicenseApplicationWorkflow applications, CancellationToken ct) =>
        await AnswerAsync(await applications.SubmitAsync(caller.UserName(), id, ct), applications, ct);

    /// <summary>Records BIS's decision; an approval creates the license.</summary>
    static async Task<Results<Ok<ApplicationView>, NotFound, ValidationProblem, ProblemHttpResult>> Decide(
        long id, ApplicationDecisionRequest request, ClaimsPrincipal caller, LicenseApplicationWorkflow applications, CancellationToken ct) =>
        await AnswerAsync(await applications.DecideAsync(caller.UserName(), id, request, ct), applications, ct);

    static async Task<Results<Ok<ApplicationView>, NotFound, ValidationProblem, ProblemHttpResult>> Withdraw(
        long id, WithdrawRequest? request, ClaimsPrincipal caller, LicenseApplicationWorkflow applications, CancellationToken ct) =>
        await AnswerAsync(await applications.WithdrawAsync(caller.UserName(), id, request?.Reason, ct), applications, ct);

    /// <summary>The filing package: a readable document (text/plain), or <c>format=items-csv</c> / <c>format=parties-csv</c>.</summary>
    static async Task<Results<FileContentHttpResult, NotFound, ValidationProblem>> Package(
        long id, string? format, LicenseApplicationWorkflow applications, TimeProvider clock, CancellationToken ct)
    {
        if (format is not (null or "text" or "items-csv" or "parties-csv"))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["format"] = ["text, items-csv or parties-csv."] });
        }

        if (await applications.FindAsync(id, ct) is not { } record)
        {
            return TypedResults.NotFound();
        }

        var name = $"license-application-{id.ToString(CultureInfo.InvariantCulture)}";
        return format switch
        {
            "items-csv" => TypedResults.File(Encoding.UTF8.GetBytes(ApplicationPackage.ItemsCsv(record)), "text/csv", $"{name}-items.csv"),
            "parties-csv" => TypedResults.File(Encoding.UTF8.GetBytes(ApplicationPackage.PartiesCsv(record)), "text/csv", $"{name}-parties.csv"),
            _ => TypedResults.File(Encoding.UTF8.GetBytes(ApplicationPackage.Document(record, clock.GetUtcNow())), "text/plain; charset=utf-8"),
        };
    }

    static async Task<Results<Ok<ApplicationView>, NotFound, ValidationProblem, ProblemHttpResult>> AnswerAsync(
        ApplicationOutcome outcome, LicenseApplicationWorkflow applications, CancellationToken ct) => outcome.Result switch
        {
            ApplicationResult.Saved => TypedResults.Ok(View((await applications.FindAsync(outcome.Application!.Id, ct))!)),
            ApplicationResult.NotFound => TypedResults.NotFound(),
            ApplicationResult.Invalid => TypedResults.ValidationProblem(outcome.Errors, title: "The request is not valid."),
            ApplicationResult.Conflict => TypedResults.Problem(outcome.Detail, statusCode: StatusCodes.Status409Conflict,
                title: outcome.Blocks is { Count: > 0 } ? "A whitelist party blocks submission." : "The application cannot make this transition.",
                extensions: outcome.Blocks is { Count: > 0 } blocks
                    ? new Dictionary<string, object?> { ["parties"] = blocks, ["status"] = outcome.Application?.Status }
                    : new Dictionary<string, object?> { ["status"] = outcome.Application?.Status }),
        };

    public static string Location(long id) => $"/api/license-applications/{id.ToString(CultureInfo.InvariantCulture)}";

    static ApplicationView View(ApplicationRecord record)
    {
        var (a, content) = (record.Application, record.Content);
        return new ApplicationView(
            a.Id, a.Status, a.Applicant, a.Date, a.Destination, content.Origin, content.EndUse, content.Vintage, content.Items,
            [.. content.Parties.Select(p => new ApplicationPartyView(p.Role, p.PartyId, p.Name, p.Country, p.Headquarters, p.Address,
                record.Screening.GetValueOrDefault(p.PartyId)))],
            content.EndUseStatements, content.Certifications, record.Decision, a.LicenseId, record.LicenseNumber, Location(a.Id) + "/package",
            a.SubmittedBy, a.SubmittedAt, a.CreatedBy, a.CreatedAt, a.UpdatedBy, a.UpdatedAt);
    }
}
