using System.Globalization;
using System.Security.Claims;
using Clearance.Lists;
using Clearance.Parties;
using Clearance.Web.Hosting;
using Clearance.Web.Users;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Clearance.Web.Lists;

public static class ListsApi
{
    /// <summary>A list file may be larger than an order: the whole CSL CSV is about 6 MB.</summary>
    public const long MaxUploadBytes = 64 * 1024 * 1024;

    public static RouteGroupBuilder MapLists(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/lists").WithTags("Lists");
        group.MapGet("/versions", Versions).RequireAuthorization(Policies.ReadScreening);
        group.MapGet("/current", Current).RequireAuthorization(Policies.ReadScreening);
        group.MapPost("/versions", Import).RequireAuthorization(Policies.ImportLists)
            .Accepts<byte[]>("application/octet-stream", "text/csv", "application/json", "text/plain")
            .WithMetadata(new RequestSizeLimitAttribute(MaxUploadBytes))
            .Produces<ListUnchangedView>().Produces<ListVersionView>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/versions/{id:long}/approve", Approve).RequireAuthorization(Policies.ImportLists)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/update", Update).RequireAuthorization(Policies.ImportLists)
            .Produces<ListUnchangedView>().Produces<ListVersionView>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status502BadGateway);
        return group.WithProblemResponses();
    }

    /// <summary>
    /// Downloads the current Consolidated Screening List as <c>clearance lists update</c> does (from
    /// <c>Lists:UpdateSources</c>, comma-separated, default trade.gov's published URLs), validates it the same way, and
    /// imports it as a new <c>csl</c> version. 502 with every source's message when no download was good.
    /// </summary>
    static async Task<Results<Created<ListVersionView>, Accepted<ListVersionView>, Ok<ListUnchangedView>, ValidationProblem, ProblemHttpResult>> Update(
        ClaimsPrincipal caller, ListUpdateWorkflow updates, IHttpClientFactory http, TimeProvider clock, CancellationToken ct)
    {
        var outcome = await updates.UpdateAsync(caller.UserName(), http.CreateClient("lists"), ct);
        return outcome.Import is { } import
            ? Reply(import, clock)
            : TypedResults.Problem(string.Join("; ", outcome.Messages), statusCode: StatusCodes.Status502BadGateway, title: "No source gave a good copy of the list.");
    }

    /// <summary>Every stored version, newest first, pending ones included (<c>status</c>: effective, pending, approved),
    /// with counts, age (seconds since import), content hash and the delta re-screening it caused.</summary>
    static async Task<Ok<List<ListVersionView>>> Versions(ListVersions versions, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var found = await versions.ListAsync(ct);
        return TypedResults.Ok(found.Select(v => ListVersionView.Of(v, now)).ToList());
    }

    /// <summary>What this instance screens against now: the database generation it was built from and the lists; the
    /// re-screening passes still running (<c>rescreening</c>: progress as parties screened of the master's size when the
    /// pass began) and the last one finished (<c>lastRescreen</c>, null before the first).</summary>
    static async Task<Ok<CurrentListsView>> Current(ScreeningLists lists, ListVersions versions, ScreeningPasses passes, CancellationToken ct)
    {
        var snapshot = lists.Current;
        var open = await passes.OpenAsync(ct);
        var last = await passes.LastFinishedAsync(ct);
        return TypedResults.Ok(new CurrentListsView(
            snapshot.Generation, await versions.GenerationAsync(ct), snapshot.Hash, [.. open.Select(ScreeningPassView.Of)],
            last is null ? null : ScreeningPassView.Of(last),
            [.. snapshot.Set.Lists.Select((l, i) => new ListInUseView(
                snapshot.Sources[i], l.Version, l.Format, l.Sha256, l.Entries.Count,
                snapshot.DateOf(i)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))]));
    }

    /// <summary>The request body is the list file (CSL CSV or JSON, BIS DPL text, OFAC sdn.csv, or a custom
    /// <c>id,name,aliases,country,list</c> CSV); <c>fileName</c> names it, <c>source</c> says which list it replaces
    /// (default by format: csl, ofac-sdn, dpl, custom). The response reports the delta and the re-screening. A version
    /// that removes more than 10% of the entries in use for its source, or changes its format, is refused (409) unless
    /// <c>force=true</c> with a <c>reason</c>: then it is stored as pending (202) until another compliance officer or
    /// admin approves it (<c>POST /api/lists/versions/{id}/approve</c>).</summary>
    static async Task<Results<Created<ListVersionView>, Accepted<ListVersionView>, Ok<ListUnchangedView>, ValidationProblem, ProblemHttpResult>> Import(
        HttpRequest request, string? fileName, string? source, bool? force, string? reason, ClaimsPrincipal caller, ListVersions versions,
        TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (force == true && string.IsNullOrWhiteSpace(reason))
        {
            errors["reason"] = ["Required with force=true: why this version must replace the list in use."];
        }
        else if (reason is { Length: > ListVersions.MaximumReasonLength })
        {
            errors["reason"] = [$"At most {ListVersions.MaximumReasonLength} characters."];
        }

        if (string.IsNullOrWhiteSpace(fileName))
        {
            errors["fileName"] = ["Required: the list file's name, such as consolidated.csv or sdn.csv."];
        }
        else if (ListVersions.FileNameProblem(fileName) is { } problem)
        {
            errors["fileName"] = [problem];
        }

        if (source is not null && (source.Length is 0 or > ListVersions.MaximumSourceLength || !source.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
        {
            errors["source"] = [$"1 to {ListVersions.MaximumSourceLength} letters, digits, '-' or '_'."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        var outcome = await versions.ImportAsync(caller.UserName(), source, fileName!, buffer.ToArray(),
            force == true ? reason!.Trim() : null, ct);
        return Reply(outcome, clock);
    }

    /// <summary>Puts a pending (forced) version into effect: a compliance officer or admin who did not upload it (403 for
    /// the uploader, 409 when it is not pending).</summary>
    static async Task<Results<Ok<ListVersionView>, ProblemHttpResult>> Approve(long id, ClaimsPrincipal caller, ListVersions versions, TimeProvider clock, CancellationToken ct)
    {
        var outcome = await versions.ApproveAsync(caller.UserName(), id, ct);
        return outcome.Result switch
        {
            ListApprovalResult.Approved => TypedResults.Ok(ListVersionView.Of(Summary(outcome.Version!), clock.GetUtcNow().UtcDateTime)),
            ListApprovalResult.NotFound => TypedResults.Problem(outcome.Error, statusCode: StatusCodes.Status404NotFound, title: "No such list version."),
            ListApprovalResult.NotPending => TypedResults.Problem(outcome.Error, statusCode: StatusCodes.Status409Conflict, title: "The list version is not pending."),
            ListApprovalResult.OwnUpload => TypedResults.Problem(outcome.Error, statusCode: StatusCodes.Status403Forbidden, title: "Four eyes: the uploader cannot approve."),
        };
    }

    static Results<Created<ListVersionView>, Accepted<ListVersionView>, Ok<ListUnchangedView>, ValidationProblem, ProblemHttpResult> Reply(ListImportOutcome outcome, TimeProvider clock)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return outcome.Result switch
        {
            ListImportResult.Imported => TypedResults.Created($"/api/lists/versions/{outcome.Version!.Id.ToString(CultureInfo.InvariantCulture)}", ListVersionView.Of(Summary(outcome.Version), now)),
            ListImportResult.Unchanged => TypedResults.Ok(new ListUnchangedView(true, outcome.Error)),
            ListImportResult.Invalid => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [outcome.Error!] }, title: "The list file cannot be used."),
            ListImportResult.Pending => TypedResults.Accepted($"/api/lists/versions/{outcome.Version!.Id.ToString(CultureInfo.InvariantCulture)}",
                ListVersionView.Of(Summary(outcome.Version), now) with
                {
                    PendingBecause = outcome.Error,
                    EntriesRemovedByList = outcome.RemovedByList ?? new Dictionary<string, int>(),
                    FirstEntriesRemoved = outcome.RemovedSample ?? [],
                }),
            ListImportResult.Refused => TypedResults.Problem(new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Refused: the version would remove too much of the list in use or change its format. Upload it with force=true and a reason to have a second compliance officer or admin approve it.",
                Detail = outcome.Error,
                Extensions = { ["entriesRemovedByList"] = outcome.RemovedByList, ["firstEntriesRemoved"] = outcome.RemovedSample },
            }),
        };
    }

    static ListVersionSummary Summary(ListVersion v) => new(v.Id, v.Source, v.FileName, v.Format, v.Sha256, v.Label, v.EntryCount, v.ProblemCount,
        v.ImportedBy, v.ImportedAt, v.EntriesAdded, v.EntriesChanged, v.EntriesRemoved, v.PartiesRescreened, v.OrdersRescreened, v.AlertsRaised, v.AlertsSuperseded,
        v.Status, v.ForceReason, v.ApprovedBy, v.ApprovedAt, v.ApprovedVersionId);
}
