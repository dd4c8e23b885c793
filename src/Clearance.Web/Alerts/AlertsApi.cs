using System.Security.Claims;
using Clearance.Alerts;
using Clearance.Orders;
using Clearance.Rules;
using Clearance.Web.Hosting;
using Clearance.Web.Users;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Clearance.Web.Alerts;

public static class AlertsApi
{
    static readonly string[] Sources = [Alert.PartySource, Alert.OrderSource];

    public static RouteGroupBuilder MapAlerts(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/alerts").WithTags("Screening alerts");
        group.MapGet("/{id:long}", Get).RequireAuthorization(Policies.ReadScreening);
        group.MapGet("/", List).RequireAuthorization(Policies.ReadScreening);
        group.MapPost("/{id:long}/disposition", Disposition).RequireAuthorization(Policies.DispositionAlerts)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return group.WithProblemResponses();
    }

    /// <param name="Disposition"><c>true-match</c> or <c>false-positive</c>.</param>
    /// <param name="Reason">Why; kept with the alert and in the audit log.</param>
    public sealed record DispositionRequest(string? Disposition, string? Reason);

    static async Task<Results<Ok<AlertView>, NotFound>> Get(long id, AlertWorkflow alerts, CancellationToken ct) =>
        await alerts.FindAsync(id, ct) is { } alert ? TypedResults.Ok(AlertView.Of(alert)) : TypedResults.NotFound();

    /// <summary>Newest first, at most 1000; <c>status</c>: open, true-match, false-positive; <c>source</c>: party, order;
    /// <c>list</c>: the list's name as published.</summary>
    static async Task<Results<Ok<List<AlertView>>, ValidationProblem>> List(
        string? status, long? partyId, long? orderId, string? list, string? source, AlertWorkflow alerts, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var parsed = WireNames.Parse<AlertStatus>(status);
        if (status is not null && parsed is null)
        {
            errors["status"] = [$"One of {string.Join(", ", WireNames.All<AlertStatus>())}."];
        }

        if (source is not null && !Sources.Contains(source, StringComparer.Ordinal))
        {
            errors["source"] = [$"One of {string.Join(", ", Sources)}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var found = await alerts.ListAsync(new AlertFilter(parsed, partyId, orderId, list, source), ct);
        return TypedResults.Ok(found.Select(AlertView.Of).ToList());
    }

    /// <summary>Records a compliance officer's finding on an open alert. A false positive is remembered for the party
    /// and the entry version; a true match holds the party's later orders and refuses releasing them.</summary>
    static async Task<Results<Ok<AlertView>, NotFound, ValidationProblem, ProblemHttpResult>> Disposition(
        long id, DispositionRequest? request, ClaimsPrincipal caller, AlertWorkflow alerts, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var finding = WireNames.Parse<AlertStatus>(request?.Disposition);
        if (finding is not (AlertStatus.TrueMatch or AlertStatus.FalsePositive))
        {
            errors["disposition"] = ["Required: true-match or false-positive."];
        }

        var reason = request?.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > OrderWorkflow.MaximumReasonLength)
        {
            errors["reason"] = [$"Required: why, 1 to {OrderWorkflow.MaximumReasonLength} characters."];
        }
        else if (FreeText.ControlCharacterProblem(reason, allowLineBreaks: true) is { } problem)
        {
            errors["reason"] = [problem];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var outcome = await alerts.DispositionAsync(caller.UserName(), id, finding!.Value, reason!, ct);
        return outcome.Result switch
        {
            DispositionResult.Recorded => TypedResults.Ok(AlertView.Of(outcome.Alert!)),
            DispositionResult.NotFound => TypedResults.NotFound(),
            DispositionResult.AlreadyDispositioned => TypedResults.Problem(
                $"The alert was dispositioned {outcome.Alert!.Status.Name()} by {outcome.Alert.DispositionedBy}.", statusCode: StatusCodes.Status409Conflict, title: "Already dispositioned."),
        };
    }
}
