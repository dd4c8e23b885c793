using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Clearance.Tests.Databases;
using Clearance.Users;
using Microsoft.EntityFrameworkCore;

namespace Clearance.Web.Tests;

public sealed class SqliteListVersionsApiTests : ListVersionsApiTests<SqliteDatabase>;

public sealed class PostgresListVersionsApiTests : ListVersionsApiTests<PostgresDatabase>;

/// <summary>A list version that would gut the list in use is refused unless forced with a reason, and a forced one takes
/// effect only when a second compliance officer or admin approves it.</summary>
public abstract class ListVersionsApiTests<TDb>
    where TDb : ITestDatabase, new()
{
    const string OneEntryCsl = "_id,source,entity_number,type,programs,name,title,addresses,federal_register_notice,start_date,end_date,standard_order,license_requirement,license_policy,call_sign,vessel_type,gross_tonnage,gross_registered_tonnage,vessel_flag,vessel_owner,remarks,source_list_url,alt_names,citizenships,dates_of_birth,nationalities,places_of_birth,source_information_url,ids\n"
        + "only1,Entity List (EL) - Bureau of Industry and Security,,,,Only One Trading Co.,,,,,,,,,,,,,,,,,,,,,,,\n";

    static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    [Fact]
    public async Task A_one_entry_CSL_is_refused_with_what_it_would_remove_and_leaves_open_alerts_and_true_matches_untouched()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var sales = await app.ClientForAsync(Role.Sales);
        var officer = await app.ClientForAsync(Role.ComplianceOfficer);
        var sugon = await Responses.JsonAsync(await sales.PostAsJsonAsync("/api/parties", new { name = "Sugon", country = "CN" }), HttpStatusCode.Created);
        var biren = await Responses.JsonAsync(await sales.PostAsJsonAsync("/api/parties", new { name = "Shanghai Biren Intelligent Technology Co., Ltd.", country = "CN" }), HttpStatusCode.Created);
        var birenAlert = biren.GetProperty("raised")[0].GetProperty("id").GetInt64();
        await Responses.JsonAsync(await officer.PostAsJsonAsync($"/api/alerts/{birenAlert}/disposition", new { disposition = "true-match", reason = "same address and registry" }), HttpStatusCode.OK);
        var openBefore = await OpenAlertsAsync(officer, sugon);

        var refused = await Responses.JsonAsync(await officer.PostAsync("/api/lists/versions?fileName=consolidated.csv", Csv(OneEntryCsl)), HttpStatusCode.Conflict);

        Assert.Contains("would remove", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(refused.GetProperty("entriesRemovedByList").GetProperty("Entity List (EL) - Bureau of Industry and Security").GetInt32() > 3000);
        Assert.NotEqual(0, refused.GetProperty("firstEntriesRemoved").GetArrayLength());
        Assert.NotEmpty(openBefore);
        Assert.Equal(openBefore, await OpenAlertsAsync(officer, sugon));
        Assert.Equal("match", await StatusAsync(officer, biren));
        Assert.Equal(0, (await Responses.JsonAsync(await officer.GetAsync("/api/lists/versions"), HttpStatusCode.OK)).GetArrayLength());
        Assert.Equal(0, (await Responses.JsonAsync(await officer.GetAsync("/api/lists/current"), HttpStatusCode.OK)).GetProperty("generation").GetInt64());
        Assert.True((await Responses.JsonAsync(await app.AdminClient().GetAsync("/api/audit/verify"), HttpStatusCode.OK)).GetProperty("ok").GetBoolean());
    }

    [Fact]
    public async Task A_forced_version_waits_as_pending_until_a_second_officer_approves_it_and_never_by_its_uploader()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var sales = await app.ClientForAsync(Role.Sales);
        var uploader = await app.ClientForAsync(Role.ComplianceOfficer);
        var second = await app.ClientForAsync(Role.ComplianceOfficer);
        var sugon = await Responses.JsonAsync(await sales.PostAsJsonAsync("/api/parties", new { name = "Sugon", country = "CN" }), HttpStatusCode.Created);
        var openBefore = await OpenAlertsAsync(uploader, sugon);

        var noReason = await Responses.JsonAsync(await uploader.PostAsync("/api/lists/versions?fileName=consolidated.csv&force=true", Csv(OneEntryCsl)), HttpStatusCode.BadRequest);
        var pending = await Responses.JsonAsync(await uploader.PostAsync("/api/lists/versions?fileName=consolidated.csv&force=true&reason=trade.gov%20withdrew%20the%20list", Csv(OneEntryCsl)), HttpStatusCode.Accepted);
        var id = pending.GetProperty("id").GetInt64();
        var listed = await Responses.JsonAsync(await second.GetAsync("/api/lists/versions"), HttpStatusCode.OK);
        var openWhilePending = await OpenAlertsAsync(uploader, sugon);
        var own = await uploader.PostAsync($"/api/lists/versions/{id}/approve", null);
        var salesApproval = await sales.PostAsync($"/api/lists/versions/{id}/approve", null);
        var approved = await Responses.JsonAsync(await second.PostAsync($"/api/lists/versions/{id}/approve", null), HttpStatusCode.OK);
        var again = await second.PostAsync($"/api/lists/versions/{id}/approve", null);
        var current = await Responses.JsonAsync(await second.GetAsync("/api/lists/current"), HttpStatusCode.OK);
        var after = await Responses.JsonAsync(await second.GetAsync("/api/lists/versions"), HttpStatusCode.OK);

        Assert.True(noReason.GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal(("pending", "trade.gov withdrew the list"), (pending.GetProperty("status").GetString(), pending.GetProperty("forceReason").GetString()));
        Assert.Contains("would remove", pending.GetProperty("pendingBecause").GetString(), StringComparison.Ordinal);
        Assert.Equal("pending", Assert.Single(listed.EnumerateArray()).GetProperty("status").GetString());
        Assert.Equal(openBefore, openWhilePending);
        Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, salesApproval.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(("effective", id), (approved.GetProperty("status").GetString(), approved.GetProperty("approvedVersionId").GetInt64()));
        Assert.NotEqual(id, approved.GetProperty("id").GetInt64());
        Assert.Equal(approved.GetProperty("id").GetInt64(), current.GetProperty("generation").GetInt64());
        Assert.Equal(1, Assert.Single(current.GetProperty("lists").EnumerateArray(), l => l.GetProperty("source").GetString() == "csl").GetProperty("entries").GetInt32());
        Assert.Equal(["effective", "approved"], after.EnumerateArray().Select(v => v.GetProperty("status").GetString()));
        Assert.Equal(openBefore.Count, approved.GetProperty("delta").GetProperty("alertsSuperseded").GetInt32());
        Assert.True((await Responses.JsonAsync(await app.AdminClient().GetAsync("/api/audit/verify"), HttpStatusCode.OK)).GetProperty("ok").GetBoolean());
        var actions = await app.QueryAsync(db => Task.FromResult(db.AuditEvents.Where(e => e.Action.StartsWith("list.")).OrderBy(e => e.Id).Select(e => e.Action).ToList()));
        // The approval records the version, then re-screens against its delta in batches of their own (list.rescreened),
        // which GET /api/lists/current shows as the last re-screening (none running).
        Assert.Equal(["list.forced-pending", "list.approved", "list.rescreened"], actions);
        Assert.Empty(current.GetProperty("rescreening").EnumerateArray());
        var rescreen = current.GetProperty("lastRescreen");
        Assert.Equal(("delta", approved.GetProperty("id").GetInt64(), false), (rescreen.GetProperty("kind").GetString(), rescreen.GetProperty("listVersionId").GetInt64(), rescreen.GetProperty("everyEntry").GetBoolean()));
        Assert.Equal(rescreen.GetProperty("partiesTotal").GetInt32(), rescreen.GetProperty("partiesScreened").GetInt32());
    }

    [Fact]
    public async Task List_formats_are_named_in_kebab_case_where_imported_listed_in_use_and_audited_and_an_old_row_reads_the_same()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var officer = await app.ClientForAsync(Role.ComplianceOfficer);

        var imported = await Responses.JsonAsync(await officer.PostAsync("/api/lists/versions?fileName=consolidated.csv&source=extra", Csv(OneEntryCsl)), HttpStatusCode.Created);
        var current = await Responses.JsonAsync(await officer.GetAsync("/api/lists/current"), HttpStatusCode.OK);
        var payload = await app.QueryAsync(db => db.AuditEvents.Where(e => e.Action == "list.imported").Select(e => e.Payload).SingleAsync());
        // A row stored before the formats had wire names holds the member name.
        await app.TamperAsync("""UPDATE list_versions SET "Format" = 'CslCsv'""");
        var listed = await Responses.JsonAsync(await officer.GetAsync("/api/lists/versions"), HttpStatusCode.OK);

        Assert.Equal("csl-csv", imported.GetProperty("format").GetString());
        var inUse = current.GetProperty("lists").EnumerateArray().Select(l => (Source: l.GetProperty("source").GetString(), Format: l.GetProperty("format").GetString())).ToList();
        Assert.Equal("csl-csv", Assert.Single(inUse, l => l.Source == "extra").Format);
        Assert.Equal(["csl-csv", "ofac-sdn-json", "party-list-json"], inUse.Where(l => l.Source != "extra").Select(l => l.Format).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains("\"format\":\"csl-csv\"", payload, StringComparison.Ordinal);
        Assert.Equal("csl-csv", Assert.Single(listed.EnumerateArray()).GetProperty("format").GetString());
        Assert.True((await Responses.JsonAsync(await app.AdminClient().GetAsync("/api/audit/verify"), HttpStatusCode.OK)).GetProperty("ok").GetBoolean());
    }

    static async Task<List<long>> OpenAlertsAsync(HttpClient client, JsonElement party)
    {
        var open = await Responses.JsonAsync(await client.GetAsync($"/api/alerts?status=open&partyId={party.GetProperty("id").GetInt64()}"), HttpStatusCode.OK);
        return [.. open.EnumerateArray().Select(a => a.GetProperty("id").GetInt64()).Order()];
    }

    static async Task<string?> StatusAsync(HttpClient client, JsonElement party) =>
        (await Responses.JsonAsync(await client.GetAsync($"/api/parties/{party.GetProperty("id").GetInt64()}"), HttpStatusCode.OK))
            .GetProperty("screening").GetProperty("status").GetString();
}
