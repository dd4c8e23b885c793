using System.Text;
using Clearance.Audit;
using Clearance.Web.Users;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Clearance.Web.Audit;

public static class AuditApi
{
    public static RouteGroupBuilder MapAudit(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/audit").WithTags("Audit").RequireAuthorization(Policies.ReadAudit);
        group.MapGet("/verify", Verify);
        group.MapGet("/export", Export).Produces(StatusCodes.Status200OK, contentType: JsonLines);
        return group;
    }

    const string JsonLines = "application/x-ndjson";

    /// <param name="Ok">True when every event holds.</param>
    /// <param name="Events">How many events the log has.</param>
    /// <param name="FirstBrokenEvent">The id of the first event that does not hold, or null.</param>
    /// <param name="Problem">What is wrong with it, in words.</param>
    /// <param name="HeadHash">The hash of the last good event, to compare with one noted earlier.</param>
    public sealed record AuditVerifyResponse(bool Ok, long Events, long? FirstBrokenEvent, string? Problem, string HeadHash);

    static async Task<Ok<AuditVerifyResponse>> Verify(AuditVerifier verifier, CancellationToken ct)
    {
        var result = await verifier.VerifyAsync(ct);
        return TypedResults.Ok(new AuditVerifyResponse(result.Ok, result.Events, result.FirstBrokenEvent, result.Problem, result.HeadHash));
    }

    static Results<PushStreamHttpResult, ValidationProblem> Export(DateOnly? from, DateOnly? to, AuditExporter exporter)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (from is null)
        {
            errors["from"] = ["Required: the first day of the period, YYYY-MM-DD (UTC)."];
        }

        if (to is null)
        {
            errors["to"] = ["Required: the last day of the period, YYYY-MM-DD (UTC)."];
        }
        else if (from > to)
        {
            errors["to"] = ["Must not be before 'from'."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return TypedResults.Stream(
            async stream =>
            {
                await using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
                await exporter.WriteJsonLinesAsync(from!.Value, to!.Value, writer, CancellationToken.None);
            },
            JsonLines,
            $"audit-{from:yyyy-MM-dd}-{to:yyyy-MM-dd}.jsonl");
    }
}
