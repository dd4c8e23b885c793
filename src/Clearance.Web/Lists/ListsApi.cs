using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Clearance.Lists;
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
            .WithMetadata(new RequestSizeLimitAttribute(MaxUploadBytes));
        group.MapPost("/update", Update).RequireAuthorization(Policies.ImportLists);
        return group;
    }

    /// <summary>
    /// Downloads the current Consolidated Screening List as <c>clearance lists update</c> does (from
    /// <c>Lists:UpdateSources</c>, comma-separated, default trade.gov's published URLs), validates it the same way, and
    /// imports it as a new <c>csl</c> version. 502 with every source's message when no download was good.
    /// </summary>
    static async Task<Results<Created<JsonObject>, Ok<JsonObject>, ValidationProblem, ProblemHttpResult>> Update(
        ClaimsPrincipal caller, ListVersions versions, IHttpClientFactory http, IConfiguration configuration, TimeProvider clock, ILoggerFactory loggers, CancellationToken ct)
    {
        var configured = configuration["Lists:UpdateSources"];
        IReadOnlyList<Uri> sources = string.IsNullOrWhiteSpace(configured)
            ? ListUpdater.DefaultSources
            : [.. configured.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(u => new Uri(u))];
        var folder = Path.Combine(Path.GetTempPath(), $"clearance-update-{Guid.NewGuid():N}");
        try
        {
            var store = new ListStore(folder, Path.Combine(ClearanceData.DefaultDirectory, "lists"));
            var result = await new ListUpdater(http.CreateClient("lists"), store, clock).UpdateAsync(sources, ct);
            if (!result.Updated || result.Path is null)
            {
                Hosting.Log.ListUpdateFailed(loggers.CreateLogger(typeof(ListsApi)), string.Join("; ", result.Messages));
                return TypedResults.Problem(string.Join("; ", result.Messages), statusCode: StatusCodes.Status502BadGateway, title: "No source gave a good copy of the list.");
            }

            var outcome = await versions.ImportAsync(caller.UserName(), ListVersions.Csl, Path.GetFileName(result.Path), await File.ReadAllBytesAsync(result.Path, ct), ClearanceData.DefaultDirectory, ct);
            return Reply(outcome, clock);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>Every imported version, newest first, with counts, age (seconds since import), content hash and the
    /// delta re-screening it caused.</summary>
    static async Task<Ok<JsonArray>> Versions(ListVersions versions, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var found = await versions.ListAsync(ct);
        return TypedResults.Ok(new JsonArray([.. found.Select(v => (JsonNode)View(v, now))]));
    }

    /// <summary>What this instance screens against now: the database generation it was built from and the lists.</summary>
    static async Task<Ok<JsonObject>> Current(ScreeningLists lists, ListVersions versions, CancellationToken ct)
    {
        var snapshot = lists.Current;
        return TypedResults.Ok(new JsonObject
        {
            ["generation"] = snapshot.Generation,
            ["databaseGeneration"] = await versions.GenerationAsync(ct),
            ["listVersionHash"] = snapshot.Hash,
            ["lists"] = new JsonArray([.. snapshot.Set.Lists.Select((l, i) => (JsonNode)new JsonObject
            {
                ["source"] = snapshot.Sources[i],
                ["version"] = l.Version,
                ["format"] = l.Format.ToString(),
                ["sha256"] = l.Sha256,
                ["entries"] = l.Entries.Count,
            })]),
        });
    }

    /// <summary>The request body is the list file (CSL CSV or JSON, BIS DPL text, OFAC sdn.csv, or a custom
    /// <c>id,name,aliases,country,list</c> CSV); <c>fileName</c> names it, <c>source</c> says which list it replaces
    /// (default by format: csl, ofac-sdn, dpl, custom). The response reports the delta and the re-screening.</summary>
    static async Task<Results<Created<JsonObject>, Ok<JsonObject>, ValidationProblem, ProblemHttpResult>> Import(
        HttpRequest request, string? fileName, string? source, ClaimsPrincipal caller, ListVersions versions, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
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
        var outcome = await versions.ImportAsync(caller.UserName(), source, fileName!, buffer.ToArray(), ClearanceData.DefaultDirectory, ct);
        return Reply(outcome, clock);
    }

    static Results<Created<JsonObject>, Ok<JsonObject>, ValidationProblem, ProblemHttpResult> Reply(ListImportOutcome outcome, TimeProvider clock)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return outcome.Result switch
        {
            ListImportResult.Imported => TypedResults.Created($"/api/lists/versions/{outcome.Version!.Id.ToString(CultureInfo.InvariantCulture)}", View(Summary(outcome.Version), now)),
            ListImportResult.Unchanged => TypedResults.Ok(new JsonObject { ["unchanged"] = true, ["detail"] = outcome.Error }),
            ListImportResult.Invalid => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [outcome.Error!] }, title: "The list file cannot be used."),
        };
    }

    static ListVersionSummary Summary(ListVersion v) => new(v.Id, v.Source, v.FileName, v.Format, v.Sha256, v.Label, v.EntryCount, v.ProblemCount,
        v.ImportedBy, v.ImportedAt, v.EntriesAdded, v.EntriesChanged, v.EntriesRemoved, v.PartiesRescreened, v.OrdersRescreened, v.AlertsRaised, v.AlertsSuperseded);

    static JsonObject View(ListVersionSummary v, DateTime now) => new()
    {
        ["id"] = v.Id,
        ["source"] = v.Source,
        ["fileName"] = v.FileName,
        ["format"] = v.Format,
        ["sha256"] = v.Sha256,
        ["label"] = v.Label,
        ["entries"] = v.EntryCount,
        ["problems"] = v.ProblemCount,
        ["importedBy"] = v.ImportedBy,
        ["importedAt"] = v.ImportedAt,
        ["ageSeconds"] = (long)(now - v.ImportedAt).TotalSeconds,
        ["delta"] = new JsonObject
        {
            ["entriesAdded"] = v.EntriesAdded,
            ["entriesChanged"] = v.EntriesChanged,
            ["entriesRemoved"] = v.EntriesRemoved,
            ["partiesRescreened"] = v.PartiesRescreened,
            ["ordersRescreened"] = v.OrdersRescreened,
            ["alertsRaised"] = v.AlertsRaised,
            ["alertsSuperseded"] = v.AlertsSuperseded,
        },
    };
}
