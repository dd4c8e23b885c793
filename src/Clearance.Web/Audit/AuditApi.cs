using System.Text;
using Clearance.Audit;
using Clearance.Web.Hosting;
using Clearance.Web.Users;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Clearance.Web.Audit;

public static class AuditApi
{
    public static RouteGroupBuilder MapAudit(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/audit").WithTags("Audit").RequireAuthorization(Policies.ReadAudit).WithProblemResponses();
        group.MapGet("/verify", Verify);
        group.MapGet("/export", Export).Produces<AuditExportLine>(StatusCodes.Status200OK, JsonLines);
        return group;
    }

    const string JsonLines = "application/x-ndjson";

    public const string HeadHeader = "Audit-Head";

    /// <summary>One line of <c>GET /api/audit/export</c> (documentation: each line is written by
    /// <see cref="AuditChain.ExportLine"/>, the event's canonical JSON with its hashes, members sorted by name).</summary>
    /// <param name="Action">What happened, as <c>entity.verb</c>: <c>user.created</c>, <c>api-key.issued</c>.</param>
    /// <param name="Actor">The user name of who caused the change, or <c>system</c>.</param>
    /// <param name="EntityId">The id of what changed.</param>
    /// <param name="EntityType">The kind of what changed.</param>
    /// <param name="Hash">SHA-256 (lower hex) over <c>previousHash</c> and the event's canonical JSON without its hashes.</param>
    /// <param name="Id">Position in the chain, from 1 without gaps.</param>
    /// <param name="ListVersionHash">For decisions: the hash of the restricted-party list version screened against.</param>
    /// <param name="OccurredAt">UTC, to the microsecond: <c>yyyy-MM-ddTHH:mm:ss.ffffffZ</c>.</param>
    /// <param name="Payload">The change's details as compact JSON text, hashed exactly as stored.</param>
    /// <param name="PreviousHash">The hash of the event before (64 zeros for the first).</param>
    /// <param name="VintageId">For decisions: the regulation vintage that decided.</param>
    public sealed record AuditExportLine(
        string Action, string Actor, string EntityId, string EntityType, string Hash, long Id, string? ListVersionHash, string OccurredAt, string Payload,
        string PreviousHash, string? VintageId);

    /// <param name="Ok">True when every event holds.</param>
    /// <param name="Events">How many events the log has.</param>
    /// <param name="FirstBrokenEvent">The id of the first event that does not hold, or null.</param>
    /// <param name="Problem">What is wrong with it, in words.</param>
    /// <param name="HeadHash">The hash of the last good event, to compare with one noted earlier.</param>
    /// <param name="Head">The last good event as <c>N:HASH</c>: keep it as a receipt and pass it later as <c>expectHead</c>.</param>
    public sealed record AuditVerifyResponse(bool Ok, long Events, long? FirstBrokenEvent, string? Problem, string HeadHash, string Head);

    /// <summary>Checks the chain and the orders bound to it; with <c>expectHead</c> (<c>N:HASH</c>, a head noted
    /// earlier) also that the log still holds event N with that hash, which a log cut at its end does not.</summary>
    static async Task<Results<Ok<AuditVerifyResponse>, ValidationProblem>> Verify(string? expectHead, AuditVerifier verifier, CancellationToken ct)
    {
        AuditHead? expected = null;
        if (expectHead is not null)
        {
            (expected, var error) = AuditHead.Parse(expectHead);
            if (expected is null)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["expectHead"] = [error!] });
            }
        }

        var result = await verifier.VerifyAsync(expected, ct);
        return TypedResults.Ok(new AuditVerifyResponse(result.Ok, result.Events, result.FirstBrokenEvent, result.Problem, result.HeadHash, result.Head));
    }

    /// <summary>The events of a period as JSON lines; the <c>Audit-Head</c> header gives the whole log's head
    /// (<c>N:HASH</c>) when the export began, as a receipt for a later <c>verify?expectHead=</c>.</summary>
    static async Task<Results<PushStreamHttpResult, ValidationProblem>> Export(
        DateOnly? from, DateOnly? to, AuditExporter exporter, HttpResponse response, CancellationToken ct)
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

        if (await exporter.HeadAsync(ct) is { } head)
        {
            response.Headers[HeadHeader] = head.ToString();
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
