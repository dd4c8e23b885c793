using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Clearance.Licenses;
using Clearance.Tests.Databases;
using Clearance.Users;
using Microsoft.EntityFrameworkCore;

namespace Clearance.Web.Tests;

public sealed class SqliteLicenseApplicationsApiTests : LicenseApplicationsApiTests<SqliteDatabase>;

public sealed class PostgresLicenseApplicationsApiTests : LicenseApplicationsApiTests<PostgresDatabase>;

public abstract class LicenseApplicationsApiTests<TDb>
    where TDb : ITestDatabase, new()
{
    const string H200 = "NVIDIA H200 SXM 141GB";

    /// <summary>An application for H200s to a Chinese buyer on the test clock's day (2026-06-01), exported from the U.S.</summary>
    static JsonObject Application(string buyer = LicenseSamples.Buyer, string origin = "US", string item = H200) => new()
    {
        ["applicant"] = "NVIDIA",
        ["destination"] = "CN",
        ["origin"] = origin,
        ["endUse"] = "datacenter",
        ["items"] = new JsonArray(new JsonObject { ["item"] = item, ["quantity"] = 500, ["unitPrice"] = 30000 }),
        ["parties"] = new JsonArray(
            new JsonObject { ["role"] = "buyer", ["name"] = buyer, ["country"] = "CN", ["headquarters"] = "CN" },
            new JsonObject { ["role"] = "end-user", ["name"] = buyer, ["country"] = "CN", ["headquarters"] = "CN" }),
        ["endUseStatements"] = new JsonArray("Inference serving in the buyer's own data centre in Wuxi; no military end use."),
    };

    static async Task<JsonElement> DraftAsync(HttpClient officer, JsonObject application) =>
        await Responses.JsonAsync(await officer.PostAsJsonAsync("/api/license-applications", application), HttpStatusCode.Created);

    static string[] Codes(JsonElement application) =>
        [.. application.GetProperty("certifications").EnumerateArray().Select(c => c.GetProperty("code").GetString()!)];

    [Fact]
    public async Task A_draft_for_an_item_in_the_January_2026_box_carries_the_certifications_the_engine_reports_for_it_and_a_reexport_carries_none()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var officer = await app.ClientForAsync(Role.ComplianceOfficer);

        var exported = await DraftAsync(officer, Application());
        var reexported = await DraftAsync(officer, Application(origin: "TW"));

        Assert.Equal("draft", exported.GetProperty("status").GetString());
        var item = exported.GetProperty("items")[0];
        Assert.StartsWith("3A090", item.GetProperty("eccn").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(item.GetProperty("classificationReason").GetString()));
        Assert.Equal(("case-by-case", true), (item.GetProperty("reviewPolicy").GetString(), item.GetProperty("licenseRequired").GetBoolean()));
        Assert.Equal((15_000_000m, 0L), (item.GetProperty("value").GetDecimal(), item.GetProperty("usUnitsShipped").GetInt64()));
        var codes = Codes(exported);
        foreach (var needed in new[] { "R10_CERT_US_SUPPLY", "R10_CERT_FOUNDRY_CAPACITY", "R10_CERT_RECIPIENT_SECURITY", "R10_US_THIRD_PARTY_TESTING" })
        {
            Assert.Contains(needed, codes);
        }

        Assert.All(exported.GetProperty("certifications").EnumerateArray(), c => Assert.Contains("91 FR 1684", c.GetProperty("citation").GetString(), StringComparison.Ordinal));
        Assert.Empty(Codes(reexported));
        Assert.Equal("presumption-of-denial", reexported.GetProperty("items")[0].GetProperty("reviewPolicy").GetString());
        Assert.True(reexported.GetProperty("items")[0].GetProperty("usUnitsShipped").ValueKind is JsonValueKind.Null or JsonValueKind.Undefined);
    }

    [Fact]
    public async Task An_approved_application_creates_the_license_that_covers_the_waiting_order_and_every_step_is_in_the_audit_chain()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var officer = await app.ClientForAsync(Role.ComplianceOfficer);
        var sales = await app.ClientForAsync(Role.Sales);
        var id = (await DraftAsync(officer, Application())).GetProperty("id").GetInt64();
        var order = await Responses.JsonAsync(await sales.SendAsync(LicenseSamples.PostOrder(
            LicenseSamples.Order(id: "APP-1", date: "2026-06-01", quantity: 100, unitPrice: 30000m, item: H200), "app-1")), HttpStatusCode.Created);
        Assert.Equal("license-required", order.GetProperty("status").GetString());

        var submitted = await Responses.JsonAsync(await officer.PostAsync($"/api/license-applications/{id}/submit", null), HttpStatusCode.OK);
        var approved = await Responses.JsonAsync(await officer.PostAsJsonAsync($"/api/license-applications/{id}/decision", new
        {
            outcome = "approved-with-conditions",
            licenseNumber = "D7654321",
            validTo = "2028-05-31",
            conditions = new object[] { new { kind = "us-third-party-test" }, new { kind = "china-us-volume-cap", ratio = 0.5 } },
        }), HttpStatusCode.OK);

        Assert.Equal("submitted", submitted.GetProperty("status").GetString());
        Assert.All(submitted.GetProperty("parties").EnumerateArray(), p => Assert.Equal("clear", p.GetProperty("screening").GetProperty("decision").GetString()));
        Assert.Equal(("approved-with-conditions", "D7654321"), (approved.GetProperty("status").GetString(), approved.GetProperty("licenseNumber").GetString()));
        var license = await Responses.JsonAsync(await officer.GetAsync($"/api/licenses/{approved.GetProperty("licenseId").GetInt64()}"), HttpStatusCode.OK);
        Assert.Equal(("NVIDIA", "2026-06-01", "2028-05-31"), (license.GetProperty("holder").GetString(), license.GetProperty("validFrom").GetString(), license.GetProperty("validTo").GetString()));
        Assert.Equal(LicenseSamples.Buyer, Assert.Single(license.GetProperty("parties").EnumerateArray()).GetProperty("name").GetString());
        var line = Assert.Single(license.GetProperty("lines").EnumerateArray());
        Assert.Equal((H200, 500L, 100L), (line.GetProperty("item").GetString(), line.GetProperty("quantity").GetInt64(), line.GetProperty("quantityReserved").GetInt64()));
        Assert.Equal(["us-third-party-test", "china-us-volume-cap"], license.GetProperty("conditions").EnumerateArray().Select(c => c.GetProperty("kind").GetString()));
        var licensed = await Responses.JsonAsync(await sales.GetAsync($"/api/orders/{order.GetProperty("id").GetInt64()}"), HttpStatusCode.OK);
        Assert.Equal("licensed", licensed.GetProperty("status").GetString());
        var actions = await app.QueryAsync(db => db.AuditEvents.Where(e => e.EntityType == LicenseApplicationWorkflow.EntityType).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        Assert.Equal(["license-application.drafted", "license-application.submitted", "license-application.decided"], actions);
        Assert.Equal(1, await app.QueryAsync(db => db.AuditEvents.CountAsync(e => e.Action == "license.created")));
        Assert.True((await Responses.JsonAsync(await app.AdminClient().GetAsync("/api/audit/verify"), HttpStatusCode.OK)).GetProperty("ok").GetBoolean());
    }

    [Fact]
    public async Task A_transition_the_state_does_not_allow_is_refused_with_409_and_a_returned_application_may_be_submitted_again()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var officer = await app.ClientForAsync(Role.ComplianceOfficer);
        var first = (await DraftAsync(officer, Application())).GetProperty("id").GetInt64();
        var second = (await DraftAsync(officer, Application())).GetProperty("id").GetInt64();

        var undecidable = await Responses.JsonAsync(await officer.PostAsJsonAsync($"/api/license-applications/{first}/decision", new { outcome = "denied", note = "no" }), HttpStatusCode.Conflict);
        await Responses.JsonAsync(await officer.PostAsync($"/api/license-applications/{first}/submit", null), HttpStatusCode.OK);
        var returned = await Responses.JsonAsync(await officer.PostAsJsonAsync($"/api/license-applications/{first}/decision",
            new { outcome = "returned", note = "RWA: end-user statement on letterhead missing" }), HttpStatusCode.OK);
        var resubmitted = await Responses.JsonAsync(await officer.PostAsync($"/api/license-applications/{first}/submit", null), HttpStatusCode.OK);
        var denied = await Responses.JsonAsync(await officer.PostAsJsonAsync($"/api/license-applications/{first}/decision", new { outcome = "denied", note = "foreign policy" }), HttpStatusCode.OK);
        var afterDenial = await Responses.JsonAsync(await officer.PostAsync($"/api/license-applications/{first}/withdraw", null), HttpStatusCode.Conflict);
        var withdrawn = await Responses.JsonAsync(await officer.PostAsJsonAsync($"/api/license-applications/{second}/withdraw", new { reason = "order cancelled" }), HttpStatusCode.OK);
        var afterWithdrawal = await Responses.JsonAsync(await officer.PostAsync($"/api/license-applications/{second}/submit", null), HttpStatusCode.Conflict);

        Assert.Equal("draft", undecidable.GetProperty("status").GetString());
        Assert.Contains("draft", undecidable.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(("returned", "RWA: end-user statement on letterhead missing"), (returned.GetProperty("status").GetString(), returned.GetProperty("decision").GetProperty("note").GetString()));
        Assert.Equal(("submitted", "denied", "withdrawn"), (resubmitted.GetProperty("status").GetString(), denied.GetProperty("status").GetString(), withdrawn.GetProperty("status").GetString()));
        Assert.Equal(("denied", "withdrawn"), (afterDenial.GetProperty("status").GetString(), afterWithdrawal.GetProperty("status").GetString()));
        Assert.Equal(0, await app.QueryAsync(db => db.Licenses.CountAsync()));
        Assert.Equal(7, await app.QueryAsync(db => db.AuditEvents.CountAsync(e => e.EntityType == LicenseApplicationWorkflow.EntityType)));
        Assert.True((await Responses.JsonAsync(await app.AdminClient().GetAsync("/api/audit/verify"), HttpStatusCode.OK)).GetProperty("ok").GetBoolean());
    }

    [Fact]
    public async Task A_whitelist_party_with_an_open_alert_blocks_submission_naming_it_until_an_officer_finds_a_false_positive()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var officer = await app.ClientForAsync(Role.ComplianceOfficer);
        var draft = await DraftAsync(officer, Application(buyer: "Sugon"));
        var id = draft.GetProperty("id").GetInt64();
        var screening = draft.GetProperty("parties")[0].GetProperty("screening");
        Assert.Equal("potential-hit", screening.GetProperty("decision").GetString());

        var blocked = await Responses.JsonAsync(await officer.PostAsync($"/api/license-applications/{id}/submit", null), HttpStatusCode.Conflict);
        foreach (var hit in screening.GetProperty("hits").EnumerateArray())
        {
            await Responses.JsonAsync(await officer.PostAsJsonAsync($"/api/alerts/{hit.GetProperty("alertId").GetInt64()}/disposition",
                new { disposition = "false-positive", reason = "a different Sugon: registry number differs" }), HttpStatusCode.OK);
        }

        var submitted = await Responses.JsonAsync(await officer.PostAsync($"/api/license-applications/{id}/submit", null), HttpStatusCode.OK);

        var block = blocked.GetProperty("parties")[0];
        Assert.Equal(("Sugon", "open-alert"), (block.GetProperty("name").GetString(), block.GetProperty("code").GetString()));
        Assert.Contains("Sugon", blocked.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("draft", blocked.GetProperty("status").GetString());
        Assert.Equal("submitted", submitted.GetProperty("status").GetString());
        Assert.Equal(1, await app.QueryAsync(db => db.AuditEvents.CountAsync(e => e.Action == "license-application.submission-refused")));
    }

    [Fact]
    public async Task A_whitelist_party_confirmed_as_a_true_match_blocks_submission()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var officer = await app.ClientForAsync(Role.ComplianceOfficer);
        var draft = await DraftAsync(officer, Application(buyer: "Sugon"));
        var id = draft.GetProperty("id").GetInt64();
        foreach (var hit in draft.GetProperty("parties")[0].GetProperty("screening").GetProperty("hits").EnumerateArray())
        {
            await Responses.JsonAsync(await officer.PostAsJsonAsync($"/api/alerts/{hit.GetProperty("alertId").GetInt64()}/disposition",
                new { disposition = "true-match", reason = "same address and registry number" }), HttpStatusCode.OK);
        }

        var blocked = await Responses.JsonAsync(await officer.PostAsync($"/api/license-applications/{id}/submit", null), HttpStatusCode.Conflict);

        Assert.Contains(blocked.GetProperty("parties").EnumerateArray(), b => b.GetProperty("code").GetString() == "true-match" && b.GetProperty("name").GetString() == "Sugon");
        Assert.Equal("draft", (await Responses.JsonAsync(await officer.GetAsync($"/api/license-applications/{id}"), HttpStatusCode.OK)).GetProperty("status").GetString());
    }

    public static TheoryData<string, string?, string> BadApplications => new()
    {
        { "items[0].item", "\"NVIDIA H21\"", "$.items[0].item" },
        { "items[0].quantity", "2.5", "$.items[0].quantity" },
        { "items[0].quantity", "-1", "$.items[0].quantity" },
        { "items[0].unitPrice", null, "$.items[0].unitPrice" },
        { "items[0].unitPrice", "10.005", "$.items[0].unitPrice" },
        { "parties[0].role", "\"intermediate\"", "$.parties[0].role" },
        { "parties[0].country", "\"cn\"", "$.parties[0].country" },
        { "applicant", "\"\"", "$.applicant" },
        { "destination", "\"XX\"", "$.destination" },
        { "endUse", "\"mining\"", "$.endUse" },
        { "endUseStatements[0]", "\"\"", "$.endUseStatements[0]" },
    };

    [Theory]
    [MemberData(nameof(BadApplications))]
    public async Task A_bad_application_is_refused_naming_the_json_path_and_nothing_is_stored(string field, string? value, string path)
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var officer = await app.ClientForAsync(Role.ComplianceOfficer);
        var application = Application();
        Set(application, field, value is null ? null : JsonNode.Parse(value));

        var problem = await Responses.JsonAsync(await officer.PostAsJsonAsync("/api/license-applications", application), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(path, out _), problem.ToString());
        Assert.Equal(0, await app.QueryAsync(db => db.Set<LicenseApplication>().CountAsync()));
        Assert.Equal(0, await app.QueryAsync(db => db.Parties.CountAsync()));
        Assert.Equal(0, await app.QueryAsync(db => db.AuditEvents.CountAsync(e => e.EntityType == LicenseApplicationWorkflow.EntityType || e.EntityType == "party")));
    }

    public static TheoryData<string, string> BadDecisions => new()
    {
        { "{\"outcome\": \"granted\"}", "$.outcome" },
        { "{\"outcome\": \"approved\", \"validTo\": \"2028-05-31\"}", "$.licenseNumber" },
        { "{\"outcome\": \"approved\", \"licenseNumber\": \"D1\", \"validFrom\": \"2026-06-01\", \"validTo\": \"2026-05-31\"}", "$.validTo" },
        { "{\"outcome\": \"approved-with-conditions\", \"licenseNumber\": \"D1\", \"validTo\": \"2028-05-31\", \"conditions\": [{\"kind\": \"revenue-share\", \"rate\": 1.5}]}", "$.conditions[0].rate" },
        { "{\"outcome\": \"approved-with-conditions\", \"licenseNumber\": \"D1\", \"validTo\": \"2028-05-31\"}", "$.conditions" },
        { "{\"outcome\": \"approved\", \"licenseNumber\": \"D1234567\", \"validTo\": \"2028-05-31\"}", "$.licenseNumber" },
        { "{\"outcome\": \"returned\"}", "$.note" },
        { "{\"outcome\": \"denied\", \"note\": \"no\", \"licenseNumber\": \"D1\"}", "$.licenseNumber" },
    };

    [Theory]
    [MemberData(nameof(BadDecisions))]
    public async Task A_bad_decision_is_refused_naming_the_json_path_and_the_application_stays_submitted(string decision, string path)
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var officer = await app.ClientForAsync(Role.ComplianceOfficer);
        await LicenseSamples.CreateAsync(officer, LicenseSamples.License());
        var id = (await DraftAsync(officer, Application())).GetProperty("id").GetInt64();
        await Responses.JsonAsync(await officer.PostAsync($"/api/license-applications/{id}/submit", null), HttpStatusCode.OK);

        var problem = await Responses.JsonAsync(await officer.PostAsync($"/api/license-applications/{id}/decision",
            new StringContent(decision, System.Text.Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(path, out _), problem.ToString());
        Assert.Equal("submitted", (await Responses.JsonAsync(await officer.GetAsync($"/api/license-applications/{id}"), HttpStatusCode.OK)).GetProperty("status").GetString());
        Assert.Equal(1, await app.QueryAsync(db => db.Licenses.CountAsync()));
    }

    [Fact]
    public async Task The_filing_package_is_a_document_with_the_classification_trace_and_screening_plus_items_and_parties_as_csv()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var officer = await app.ClientForAsync(Role.ComplianceOfficer);
        var viewer = await app.ClientForAsync(Role.Viewer);
        var draft = await DraftAsync(officer, Application());
        var id = draft.GetProperty("id").GetInt64();
        var eccn = draft.GetProperty("items")[0].GetProperty("eccn").GetString();
        var reason = draft.GetProperty("items")[0].GetProperty("classificationReason").GetString()!;

        var document = await viewer.GetAsync($"/api/license-applications/{id}/package");
        var items = await viewer.GetStringAsync($"/api/license-applications/{id}/package?format=items-csv");
        var parties = await viewer.GetStringAsync($"/api/license-applications/{id}/package?format=parties-csv");
        var bad = await viewer.GetAsync($"/api/license-applications/{id}/package?format=pdf");

        Assert.Equal("text/plain", document.Content.Headers.ContentType!.MediaType);
        var text = await document.Content.ReadAsStringAsync();
        Assert.Contains($"ECCN {eccn}", text, StringComparison.Ordinal);
        Assert.Contains(reason, text, StringComparison.Ordinal);
        Assert.Contains($"buyer: {LicenseSamples.Buyer} (CN)", text, StringComparison.Ordinal);
        Assert.Contains("Screening: clear", text, StringComparison.Ordinal);
        Assert.Contains("[R10_CERT_RECIPIENT_SECURITY]", text, StringComparison.Ordinal);
        Assert.Contains("Inference serving in the buyer's own data centre", text, StringComparison.Ordinal);
        var itemLines = items.TrimEnd('\n').Split('\n');
        Assert.Equal("item_no,item,eccn,classification_rule,classification_reason,tpp,performance_density,quantity,unit_price,value,license_required,review_policy,us_units_shipped,certifications,findings", itemLines[0]);
        Assert.StartsWith($"1,{H200},{eccn},", itemLines[1], StringComparison.Ordinal);
        Assert.Equal(2, itemLines.Length);
        var partyLines = parties.TrimEnd('\n').Split('\n');
        Assert.Equal("party_no,role,name,country,headquarters,address,party_id,screening,screened_at,list_version_hash,hits", partyLines[0]);
        Assert.Equal(3, partyLines.Length);
        Assert.Contains(",clear,", partyLines[1], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync("/api/license-applications/999999/package")).StatusCode);
    }

    [Fact]
    public async Task Sales_cannot_draft_an_application_and_a_viewer_reads_the_list()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var officer = await app.ClientForAsync(Role.ComplianceOfficer);
        var sales = await app.ClientForAsync(Role.Sales);
        var viewer = await app.ClientForAsync(Role.Viewer);
        var id = (await DraftAsync(officer, Application())).GetProperty("id").GetInt64();

        var refused = await sales.PostAsJsonAsync("/api/license-applications", Application());
        var listed = await Responses.JsonAsync(await viewer.GetAsync("/api/license-applications"), HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(id, Assert.Single(listed.EnumerateArray()).GetProperty("id").GetInt64());
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync($"/api/license-applications/{id}/submit", null)).StatusCode);
    }

    /// <summary>Sets (or removes, with null) the member at a path such as <c>items[0].quantity</c>.</summary>
    static void Set(JsonObject root, string path, JsonNode? value)
    {
        JsonNode node = root;
        var parts = path.Split('.');
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            var name = bracket < 0 ? part : part[..bracket];
            var index = bracket < 0 ? (int?)null : int.Parse(part[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
            var last = i == parts.Length - 1;
            if (last && index is null)
            {
                if (value is null)
                {
                    node.AsObject().Remove(name);
                }
                else
                {
                    node[name] = value;
                }

                return;
            }

            if (last)
            {
                node[name]![index!.Value] = value;
                return;
            }

            node = index is null ? node[name]! : node[name]![index.Value]!;
        }
    }
}
