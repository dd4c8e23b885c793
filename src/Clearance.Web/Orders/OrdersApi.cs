using System.Globalization;
using System.Security.Claims;
using Clearance.Licenses;
using Clearance.Orders;
using Clearance.Rules;
using Clearance.Rules.Licensing;
using Clearance.Web.Hosting;
using Clearance.Web.Users;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Clearance.Web.Orders;

public static class OrdersApi
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public static RouteGroupBuilder MapOrders(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/orders").WithTags("Orders");
        group.MapPost("/", Submit).RequireAuthorization(Policies.SubmitOrders)
            .Accepts<OrderBody>("application/json")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/{id:long}", Get).RequireAuthorization(Policies.ReadOrders);
        group.MapGet("/", List).RequireAuthorization(Policies.ReadOrders);
        group.MapPost("/{id:long}/release", Release).RequireAuthorization(Policies.ReleaseOrders)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return group.WithProblemResponses();
    }

    /// <param name="Reason">Why the hold may be released; kept with the order and in the audit log.</param>
    public sealed record ReleaseRequest(string? Reason);

    /// <summary>The body is the order object of <c>evaluate</c>'s input; the response is the decision as <c>evaluate</c> prints it, with
    /// the service's <c>id</c> and the order's <c>status</c>. A retry with the same <c>Idempotency-Key</c> by the same
    /// caller returns the first order (200, <c>Idempotent-Replayed: true</c>) and never stores a second; a different
    /// request under a used key is refused (422, naming the key and the first order) and audited.</summary>
    static async Task<Results<Created<OrderView>, Ok<OrderView>, ValidationProblem, ProblemHttpResult>> Submit(
        HttpRequest request, [FromHeader(Name = IdempotencyKeyHeader)] string? idempotencyKey, ClaimsPrincipal caller,
        OrderWorkflow orders, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(idempotencyKey) || idempotencyKey.Length > OrderWorkflow.MaximumIdempotencyKeyLength)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [IdempotencyKeyHeader] = [$"Required header: 1 to {OrderWorkflow.MaximumIdempotencyKeyLength} characters, the same on every retry of this order."],
            });
        }

        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(ct);
        var submission = await orders.SubmitAsync(caller.UserName(), idempotencyKey, body, ct);
        if (submission.Order is not { } order)
        {
            return TypedResults.ValidationProblem(
                submission.Errors.GroupBy(e => e.Location, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal),
                title: "The order is not valid.");
        }

        if (submission.KeyReused)
        {
            var first = order.Id.ToString(CultureInfo.InvariantCulture);
            return TypedResults.Problem(
                $"The Idempotency-Key '{idempotencyKey}' was used for order {first} ('{order.Reference}'), whose request differs from this one. "
                + "A retry must repeat the first request; a new order needs a new key. Nothing was stored.",
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "The Idempotency-Key belongs to a different order.",
                extensions: new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["idempotencyKey"] = idempotencyKey,
                    ["orderId"] = order.Id,
                    ["orderLocation"] = $"/api/orders/{first}",
                });
        }

        if (!submission.Created)
        {
            request.HttpContext.Response.Headers["Idempotent-Replayed"] = "true";
            return TypedResults.Ok(View(order));
        }

        return TypedResults.Created($"/api/orders/{order.Id.ToString(CultureInfo.InvariantCulture)}", View(order));
    }

    static async Task<Results<Ok<OrderView>, NotFound>> Get(long id, OrderWorkflow orders, CancellationToken ct) =>
        await orders.FindAsync(id, ct) is { } order ? TypedResults.Ok(View(order)) : TypedResults.NotFound();

    /// <summary>Newest first, at most 1000. <c>from</c>/<c>to</c> are order dates (inclusive).</summary>
    static async Task<Results<Ok<List<OrderView>>, ValidationProblem>> List(
        string? verdict, string? status, string? destination, DateOnly? from, DateOnly? to, OrderWorkflow orders, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (verdict is not null && WireNames.Parse<Verdict>(verdict) is null)
        {
            errors["verdict"] = [$"One of {string.Join(", ", WireNames.All<Verdict>())}."];
        }

        var parsedStatus = WireNames.Parse<OrderStatus>(status);
        if (status is not null && parsedStatus is null)
        {
            errors["status"] = [$"One of {string.Join(", ", WireNames.All<OrderStatus>())}."];
        }

        if (destination is not null && (destination.Length != 2 || !destination.All(char.IsAsciiLetterUpper)))
        {
            errors["destination"] = ["An ISO 3166-1 alpha-2 code in capitals, such as CN."];
        }

        if (from > to)
        {
            errors["to"] = ["Must not be before 'from'."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var found = await orders.ListAsync(new OrderFilter(verdict, parsedStatus, destination, from, to, null), ct);
        return TypedResults.Ok(found.Select(View).ToList());
    }

    static async Task<Results<Ok<OrderView>, NotFound, ValidationProblem, ProblemHttpResult>> Release(
        long id, ReleaseRequest? request, ClaimsPrincipal caller, OrderWorkflow orders, CancellationToken ct)
    {
        var reason = request?.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > OrderWorkflow.MaximumReasonLength)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["reason"] = [$"Required: why the hold may be released, 1 to {OrderWorkflow.MaximumReasonLength} characters."],
            });
        }

        if (FreeText.ControlCharacterProblem(reason, allowLineBreaks: true) is { } problem)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = [problem] });
        }

        var outcome = await orders.ReleaseAsync(caller.UserName(), id, reason, ct);
        return outcome.Result switch
        {
            ReleaseResult.Released => TypedResults.Ok(View(outcome.Order!)),
            ReleaseResult.NotFound => TypedResults.NotFound(),
            ReleaseResult.OwnSubmission => TypedResults.Problem(outcome.Detail, statusCode: StatusCodes.Status403Forbidden, title: "Four eyes: submitters do not release their own orders."),
            ReleaseResult.NotHeld => TypedResults.Problem(outcome.Detail, statusCode: StatusCodes.Status409Conflict, title: "The order is not held."),
            ReleaseResult.OpenAlerts => TypedResults.Problem(outcome.Detail, statusCode: StatusCodes.Status409Conflict, title: "Alerts of the order are still open.",
                extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["openAlerts"] = outcome.OpenAlerts }),
            ReleaseResult.NoLongerReleasable => TypedResults.Problem(outcome.Detail, statusCode: StatusCodes.Status409Conflict, title: "Re-evaluation refuses the release."),
        };
    }

    /// <summary>The decision as <c>evaluate</c> prints it (stored as it was printed), between the service's id and the
    /// order's status; license-required lines with their license coverage.</summary>
    static OrderView View(Order order)
    {
        var decision = DecisionJson.Read(order.DecisionJson).WithLicenses(LicenseJson.ReadCoverage(order.LicenseJson), reserved: true);
        return new OrderView(
            order.Id, decision.OrderId, decision.AsOf, decision.Vintage, decision.Verdict, decision.Lines, decision.Screening,
            decision.Diffusion, decision.Lists, decision.MaxListAgeDays, decision.ListWarnings,
            order.Status, order.SubmittedBy, order.SubmittedAt, order.ListVersionHash,
            order.ReleasedBy is null ? null : new ReleaseView(order.ReleasedBy, order.ReleasedAt, order.ReleaseReason));
    }
}
