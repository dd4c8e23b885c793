using System.Text.Json;
using Clearance.Orders;
using Clearance.Rules.Licensing;
using Clearance.Web.Hosting;
using Clearance.Web.Users;
using Clearance.WhatIf;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Clearance.Web.WhatIf;

public static class WhatIfApi
{
    public static RouteHandlerBuilder MapWhatIf(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/what-if", Run).WithTags("What-if").RequireAuthorization(Policies.ReadOrders).WithProblemResponses();

    /// <param name="Proposal">The proposed rule: <c>{"title", "versions": [{"file", "provision", "patch"}]}</c>, provision
    /// versions in the format of data/rules.</param>
    /// <param name="Orders">Optional orders (the order objects of <c>POST /api/orders</c>) to compare line by line.</param>
    /// <param name="AsOf">Compare the rules in force on this date with and without the proposal; default today.</param>
    public sealed record WhatIfRequest(JsonElement Proposal, JsonElement? Orders, DateOnly? AsOf);

    /// <summary>The report of <c>clearance what-if</c>: per catalog item the ECCN before/after, per order line the license
    /// requirement, policy and exception before/after with units and value, totals by destination and by item.</summary>
    static Results<Ok<WhatIfReport>, ValidationProblem> Run(WhatIfRequest request, ClearanceData data, OrderPipeline pipeline, TimeProvider clock)
    {
        if (request.Proposal.ValueKind != JsonValueKind.Object)
        {
            return Invalid("$.proposal", "Required: an object with 'title' and 'versions'.");
        }

        IReadOnlyList<OrderInput> orders = [];
        if (request.Orders is { ValueKind: not JsonValueKind.Null } given)
        {
            if (given.ValueKind != JsonValueKind.Array)
            {
                return Invalid("$.orders", "An array of order objects.");
            }

            var file = pipeline.Reader.Read(given.GetRawText(), "orders");
            if (file.Unreadable || file.Errors.Count > 0)
            {
                return TypedResults.ValidationProblem(
                    file.Errors.GroupBy(e => "$.orders" + e.Location.TrimStart('$'), StringComparer.Ordinal)
                        .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal),
                    title: "The orders are not valid.");
            }

            orders = file.Orders;
        }

        try
        {
            var proposal = Proposal.Parse(request.Proposal.GetRawText(), "proposal");
            var asOf = request.AsOf ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            return TypedResults.Ok(WhatIfRun.Run(data, proposal, asOf, orders, pipeline.Screener, DiffusionReading.Enforced));
        }
        catch (ProposalException e)
        {
            return Invalid("$.proposal" + e.Path.TrimStart('$'), e.Problem);
        }
        catch (InvalidDataException e)
        {
            return Invalid("$.proposal", e.Message);
        }
    }

    static ValidationProblem Invalid(string path, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]>(StringComparer.Ordinal) { [path] = [message] }, title: "The what-if request is not valid.");
}
