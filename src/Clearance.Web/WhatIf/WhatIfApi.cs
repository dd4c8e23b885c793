using System.Text.Json;
using System.Text.Json.Nodes;
using Clearance.Orders;
using Clearance.Rules.Licensing;
using Clearance.Web.Hosting;
using Clearance.Web.Orders;
using Clearance.Web.Users;
using Clearance.WhatIf;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Clearance.Web.WhatIf;

public static class WhatIfApi
{
    public static RouteHandlerBuilder MapWhatIf(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/what-if", Run).WithTags("What-if").RequireAuthorization(Policies.ReadOrders)
            .Accepts<WhatIfRequest>("application/json")
            .WithProblemResponses();

    /// <summary>The body of <c>POST /api/what-if</c> (documentation: the proposal is read by <see cref="Proposal.Parse"/>
    /// and the orders by the order reader, which name the JSON path of every problem).</summary>
    /// <param name="Proposal">The proposed rule.</param>
    /// <param name="Orders">Optional orders (the order objects of <c>POST /api/orders</c>) to compare line by line.</param>
    /// <param name="AsOf">Compare the rules in force on this date with and without the proposal; default today.</param>
    public sealed record WhatIfRequest(ProposalBody Proposal, IReadOnlyList<OrderBody>? Orders, DateOnly? AsOf);

    /// <summary>A proposed rule: provision versions in the format of data/rules, applied on top of the rules in force.</summary>
    /// <param name="Title">What the proposal does, in a few words.</param>
    /// <param name="Versions">The provision versions it adds or changes (at least one).</param>
    public sealed record ProposalBody(string Title, IReadOnlyList<ProvisionVersionBody> Versions);

    /// <param name="File">The rules file: classification.json, licensing.json, vintages.json or another file of data/rules.</param>
    /// <param name="Provision">The JSON path of the provision in the file, e.g. <c>$.regimes</c> or <c>$.affiliates</c>.</param>
    /// <param name="Patch">Merged into the provision (JSON Merge Patch, RFC 7396: null removes a field); when the
    /// provision is an array of dated versions, merged into a copy of its latest version and appended. Its fields are
    /// those of the provision.</param>
    /// <param name="Note">Why, in words (not read by the engine).</param>
    public sealed record ProvisionVersionBody(string File, string Provision, JsonObject Patch, string? Note);

    /// <summary>The body as it is read: the proposal and the orders kept as JSON for their readers.</summary>
    public sealed record WhatIfInput(JsonElement Proposal, JsonElement? Orders, DateOnly? AsOf);

    /// <summary>The report of <c>clearance what-if</c>: per catalog item the ECCN before/after, per order line the license
    /// requirement, policy and exception before/after with units and value, totals by destination and by item.</summary>
    static async Task<Results<Ok<WhatIfReport>, ValidationProblem>> Run(
        HttpRequest http, ClearanceData data, OrderPipeline pipeline, TimeProvider clock, CancellationToken ct)
    {
        var request = await ReadAsync(http, ct);
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

    /// <summary>Reads the body as the framework binds a JSON body and fails as it does, for <see cref="BadRequestExceptionHandler"/>
    /// to answer 400 naming the JSON path of malformed JSON or of a value of the wrong type. (Another media type never
    /// gets here: routing answers 415 by the route's <c>Accepts</c>.)</summary>
    static async Task<WhatIfInput> ReadAsync(HttpRequest http, CancellationToken ct)
    {
        const string Parameter = $"\"{nameof(WhatIfRequest)} request\"";
        WhatIfInput? input;
        try
        {
            input = await http.ReadFromJsonAsync<WhatIfInput>(ct);
        }
        catch (JsonException e)
        {
            throw new BadHttpRequestException($"Failed to read parameter {Parameter} from the request body as JSON.", e);
        }

        return input ?? throw new BadHttpRequestException($"Required parameter {Parameter} was not provided from body.");
    }

    static ValidationProblem Invalid(string path, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]>(StringComparer.Ordinal) { [path] = [message] }, title: "The what-if request is not valid.");
}
