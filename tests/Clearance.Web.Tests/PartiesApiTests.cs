using System.Net;
using System.Net.Http.Json;
using System.Text;
using Clearance.Tests.Databases;
using Clearance.Users;

namespace Clearance.Web.Tests;

public sealed class SqlitePartiesApiTests : PartiesApiTests<SqliteDatabase>;

public sealed class PostgresPartiesApiTests : PartiesApiTests<PostgresDatabase>;

public abstract class PartiesApiTests<TDb>
    where TDb : ITestDatabase, new()
{
    const string WatchList = "id,name,aliases,country,list\nC-1,Jiangnan Inference Services,,CN,Company watch list\n";

    [Fact]
    public async Task A_party_is_created_screened_read_listed_and_updated()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var sales = await app.ClientForAsync(Role.Sales);

        var created = await Responses.JsonAsync(await sales.PostAsJsonAsync("/api/parties", new { name = "Sugon", aliases = new[] { "Sugon Information" }, country = "CN", headquarters = "CN", externalReference = "C-100" }), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt64();
        var read = await Responses.JsonAsync(await sales.GetAsync($"/api/parties/{id}"), HttpStatusCode.OK);
        var open = await Responses.JsonAsync(await sales.GetAsync("/api/parties?openAlerts=true&country=CN"), HttpStatusCode.OK);
        var updated = await Responses.JsonAsync(await sales.PutAsJsonAsync($"/api/parties/{id}", new { name = "Sugon", aliases = new[] { "Sugon Information" }, country = "CN", address = "Haidian District, Beijing", externalReference = "C-100" }), HttpStatusCode.OK);

        var raised = created.GetProperty("raised");
        Assert.NotEqual(0, raised.GetArrayLength());
        Assert.Contains(raised.EnumerateArray(), a => a.GetProperty("list").GetString()!.StartsWith("Entity List", StringComparison.Ordinal)
            && a.GetProperty("explanation").GetString()!.Length > 0 && a.GetProperty("entryHash").GetString()!.Length == 64);
        Assert.Equal("potential-match", read.GetProperty("screening").GetProperty("status").GetString());
        Assert.Equal(raised.GetArrayLength(), read.GetProperty("screening").GetProperty("openAlerts").GetInt32());
        Assert.Equal(id, Assert.Single(open.EnumerateArray()).GetProperty("id").GetInt64());
        Assert.Equal(0, updated.GetProperty("raised").GetArrayLength());
        Assert.Equal("Haidian District, Beijing", updated.GetProperty("address").GetString());
    }

    [Theory]
    [InlineData("sugon")]
    [InlineData("SUGON INFO")]
    [InlineData("Sugon")]
    public async Task Party_search_by_name_ignores_case(string query)
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var sales = await app.ClientForAsync(Role.Sales);
        await Responses.JsonAsync(await sales.PostAsJsonAsync("/api/parties", new { name = "Sugon Information Industry", country = "CN" }), HttpStatusCode.Created);
        await Responses.JsonAsync(await sales.PostAsJsonAsync("/api/parties", new { name = "Acme Trading", country = "US" }), HttpStatusCode.Created);

        var found = await Responses.JsonAsync(await sales.GetAsync($"/api/parties?name={Uri.EscapeDataString(query)}"), HttpStatusCode.OK);

        Assert.Equal("Sugon Information Industry", Assert.Single(found.EnumerateArray()).GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_party_body_with_a_member_given_twice_is_refused_naming_its_path()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var sales = await app.ClientForAsync(Role.Sales);

        var response = await sales.PostAsync("/api/parties", new StringContent("""{"name": "Acme", "country": "US", "country": "CN"}""", Encoding.UTF8, "application/json"));
        var problem = await Responses.JsonAsync(response, HttpStatusCode.BadRequest);

        Assert.Contains("$.country", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await app.QueryAsync(db => Task.FromResult(db.Parties.Count())));
    }

    [Theory]
    [InlineData("sdn.csv%00.txt", "U+0000")]
    [InlineData("list%0A.csv", "U+000A")]
    [InlineData("a%3Fb.csv", "U+003F")]
    public async Task A_list_file_name_with_a_character_no_file_name_may_hold_is_a_400_naming_it(string fileName, string character)
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var officer = await app.ClientForAsync(Role.ComplianceOfficer);

        var response = await officer.PostAsync($"/api/lists/versions?fileName={fileName}", new StringContent(WatchList));
        var problem = await Responses.JsonAsync(response, HttpStatusCode.BadRequest);

        Assert.Contains(character, Assert.Single(problem.GetProperty("errors").GetProperty("fileName").EnumerateArray()).GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_list_file_that_cannot_be_read_is_refused_without_showing_the_servers_folders()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var officer = await app.ClientForAsync(Role.ComplianceOfficer);

        var response = await officer.PostAsync("/api/lists/versions?fileName=mine.csv", new ByteArrayContent([0x69, 0x64, 0x2C, 0xC3, 0x28, 0x0A]));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("mine.csv", body, StringComparison.Ordinal);
        Assert.DoesNotContain(Path.GetTempPath().TrimEnd('/'), body, StringComparison.Ordinal);
        Assert.DoesNotContain("db-upload", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_parties_get_problem_details_naming_the_fields_and_a_duplicate_reference_a_conflict()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var sales = await app.ClientForAsync(Role.Sales);

        var problem = await Responses.JsonAsync(await sales.PostAsJsonAsync("/api/parties", new { name = "", country = "China" }), HttpStatusCode.BadRequest);
        await Responses.JsonAsync(await sales.PostAsJsonAsync("/api/parties", new { name = "Jiangnan Inference Services Co., Ltd.", country = "CN", externalReference = "C-1" }), HttpStatusCode.Created);
        var conflict = await sales.PostAsJsonAsync("/api/parties", new { name = "Other", country = "CN", externalReference = "C-1" });

        Assert.True(problem.GetProperty("errors").TryGetProperty("name", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("country", out _));
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sales.PutAsJsonAsync("/api/parties/99", new { name = "X", country = "CN" })).StatusCode);
    }

    [Fact]
    public async Task An_officer_dispositions_an_alert_once_with_a_reason_and_it_leaves_the_open_queue()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var sales = await app.ClientForAsync(Role.Sales);
        var officer = await app.ClientForAsync(Role.ComplianceOfficer);
        var party = await Responses.JsonAsync(await sales.PostAsJsonAsync("/api/parties", new { name = "Sugon", country = "CN" }), HttpStatusCode.Created);
        var alertId = party.GetProperty("raised")[0].GetProperty("id").GetInt64();

        var noReason = await Responses.JsonAsync(await officer.PostAsJsonAsync($"/api/alerts/{alertId}/disposition", new { disposition = "false-positive" }), HttpStatusCode.BadRequest);
        var badFinding = await Responses.JsonAsync(await officer.PostAsJsonAsync($"/api/alerts/{alertId}/disposition", new { disposition = "open", reason = "x" }), HttpStatusCode.BadRequest);
        var recorded = await Responses.JsonAsync(await officer.PostAsJsonAsync($"/api/alerts/{alertId}/disposition", new { disposition = "false-positive", reason = "different registry number" }), HttpStatusCode.OK);
        await Responses.JsonAsync(await officer.PostAsJsonAsync($"/api/alerts/{alertId}/disposition", new { disposition = "true-match", reason = "changed my mind" }), HttpStatusCode.Conflict);
        var open = await Responses.JsonAsync(await officer.GetAsync($"/api/alerts?status=open&partyId={party.GetProperty("id").GetInt64()}"), HttpStatusCode.OK);

        Assert.True(noReason.GetProperty("errors").TryGetProperty("reason", out _));
        Assert.True(badFinding.GetProperty("errors").TryGetProperty("disposition", out _));
        Assert.Equal(("false-positive", "different registry number"), (recorded.GetProperty("status").GetString(), recorded.GetProperty("disposition").GetProperty("reason").GetString()));
        Assert.DoesNotContain(open.EnumerateArray(), a => a.GetProperty("id").GetInt64() == alertId);
        Assert.Equal(party.GetProperty("raised").GetArrayLength() - 1, open.GetArrayLength());
        Assert.True((await Responses.JsonAsync(await app.AdminClient().GetAsync("/api/audit/verify"), HttpStatusCode.OK)).GetProperty("ok").GetBoolean());
    }

    [Fact]
    public async Task An_imported_list_version_is_reported_with_its_delta_and_another_instance_follows_it()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var sales = await app.ClientForAsync(Role.Sales);
        var officer = await app.ClientForAsync(Role.ComplianceOfficer);
        await Responses.JsonAsync(await sales.PostAsJsonAsync("/api/parties", new { name = "Jiangnan Inference Services Co., Ltd.", country = "CN" }), HttpStatusCode.Created);
        await using var second = app.SecondInstance();
        var secondClient = second.ClientWithKey(ClearanceApp.AdminApiKey);
        var before = await Responses.JsonAsync(await secondClient.GetAsync("/api/lists/current"), HttpStatusCode.OK);

        var imported = await Responses.JsonAsync(await officer.PostAsync("/api/lists/versions?fileName=watch.csv", new StringContent(WatchList, Encoding.UTF8, "text/csv")), HttpStatusCode.Created);
        var versions = await Responses.JsonAsync(await officer.GetAsync("/api/lists/versions"), HttpStatusCode.OK);
        var current = await Responses.JsonAsync(await officer.GetAsync("/api/lists/current"), HttpStatusCode.OK);
        // The second instance notices the import on its own poll and says so in its log; the test waits for that.
        // The token only keeps a broken build from hanging the run; it is no deadline a slow machine has to meet.
        var generation = imported.GetProperty("id").GetInt64();
        using var hung = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await second.Logs.WaitForAsync(l => l.Category == typeof(Lists.ListVersionWatcher).FullName
            && l.Text.StartsWith($"List version {generation} is current", StringComparison.Ordinal), hung.Token);
        var followed = await Responses.JsonAsync(await secondClient.GetAsync("/api/lists/current"), HttpStatusCode.OK);

        var delta = imported.GetProperty("delta");
        Assert.Equal((1, 0, 0, 1, 1), (delta.GetProperty("entriesAdded").GetInt32(), delta.GetProperty("entriesChanged").GetInt32(), delta.GetProperty("entriesRemoved").GetInt32(),
            delta.GetProperty("partiesRescreened").GetInt32(), delta.GetProperty("alertsRaised").GetInt32()));
        var listed = Assert.Single(versions.EnumerateArray());
        Assert.Equal(("custom", 1, 64), (listed.GetProperty("source").GetString(), listed.GetProperty("entries").GetInt32(), listed.GetProperty("sha256").GetString()!.Length));
        Assert.True(listed.TryGetProperty("ageSeconds", out _));
        Assert.Equal(0, before.GetProperty("generation").GetInt64());
        Assert.Equal(current.GetProperty("listVersionHash").GetString(), followed.GetProperty("listVersionHash").GetString());
        Assert.Contains(followed.GetProperty("lists").EnumerateArray(), l => l.GetProperty("source").GetString() == "custom");
    }

    [Fact]
    public async Task A_list_file_larger_than_an_order_may_be_uploaded_and_an_older_CSL_that_drops_listed_names_is_refused()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var officer = await app.ClientForAsync(Role.ComplianceOfficer);
        var csl = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "data", "lists", "us_csl_2022-05", "consolidated.csv"));

        var response = await Responses.JsonAsync(await officer.PostAsync("/api/lists/versions?fileName=consolidated.csv", new ByteArrayContent(csl)), HttpStatusCode.Conflict);

        Assert.True(csl.Length > Hosting.ClearanceWebExtensions.MaxRequestBodyBytes);
        Assert.Contains("would remove", response.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(response.GetProperty("entriesRemovedByList").GetProperty("Entity List (EL) - Bureau of Industry and Security").GetInt32() > 1000);
    }

    [Fact]
    public async Task Lists_update_downloads_the_csl_and_imports_it_as_a_new_version_in_place_of_the_shipped_component_lists()
    {
        // A newer CSL: every name the shipped component lists carry, and 1,200 more.
        var shipped = Clearance.Lists.ListVersions.Shipped(ClearanceData.DefaultDirectory).Where(s => s.Source == "csl")
            .SelectMany(s => Clearance.Lists.ListLoader.Load(s.Path, ClearanceData.Load(ClearanceData.DefaultDirectory).Countries).Entries).ToList();
        await using var server = new ListServer(ListServer.Csl(shipped, 1200));
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        app.Settings["Lists:UpdateSources"] = server.Url;
        var officer = await app.ClientForAsync(Role.ComplianceOfficer);

        var imported = await Responses.JsonAsync(await officer.PostAsync("/api/lists/update", null), HttpStatusCode.Created);
        var current = await Responses.JsonAsync(await officer.GetAsync("/api/lists/current"), HttpStatusCode.OK);

        Assert.Equal(("csl", shipped.Count + 1200), (imported.GetProperty("source").GetString(), imported.GetProperty("entries").GetInt32()));
        Assert.Equal("effective", imported.GetProperty("status").GetString());
        var csl = Assert.Single(current.GetProperty("lists").EnumerateArray(), l => l.GetProperty("source").GetString() == "csl");
        Assert.Equal(shipped.Count + 1200, csl.GetProperty("entries").GetInt32());
        Assert.Equal(imported.GetProperty("importedAt").GetDateTime().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), csl.GetProperty("asOf").GetString());
        Assert.Contains(current.GetProperty("lists").EnumerateArray(), l => l.GetProperty("source").GetString() == "ofac-sdn" && l.GetProperty("asOf").GetString() == "2026-07-11");
    }

    [Fact]
    public async Task Lists_update_refuses_a_download_short_of_the_lists_in_use()
    {
        await using var server = new ListServer(1200);
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        app.Settings["Lists:UpdateSources"] = server.Url;
        var officer = await app.ClientForAsync(Role.ComplianceOfficer);

        var response = await officer.PostAsync("/api/lists/update", null);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Contains("1200 entries against", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, (await Responses.JsonAsync(await officer.GetAsync("/api/lists/versions"), HttpStatusCode.OK)).GetArrayLength());
    }

    [Fact]
    public async Task Lists_update_reports_a_bad_gateway_when_no_source_gives_a_good_copy()
    {
        await using var server = new ListServer(10);
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        app.Settings["Lists:UpdateSources"] = server.Url;
        var officer = await app.ClientForAsync(Role.ComplianceOfficer);

        var response = await officer.PostAsync("/api/lists/update", null);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Contains("10 entries", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, (await Responses.JsonAsync(await officer.GetAsync("/api/lists/versions"), HttpStatusCode.OK)).GetArrayLength());
    }

    [Fact]
    public async Task A_list_update_with_no_network_logs_one_warning_with_the_cause_and_no_stack_trace()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        // Port 9 on the loopback: nothing listens there, so the connection is refused at once, as offline.
        app.Settings["Lists:UpdateSources"] = "http://127.0.0.1:9/consolidated.json,http://127.0.0.1:9/consolidated.csv";
        var officer = await app.ClientForAsync(Role.ComplianceOfficer);

        var response = await officer.PostAsync("/api/lists/update", null);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        var lines = app.Logs.Lines.Where(l => l.Category.StartsWith("System.Net.Http", StringComparison.Ordinal) || l.Category.Contains("List", StringComparison.Ordinal)).ToList();
        var warning = Assert.Single(lines, l => l.Level >= Microsoft.Extensions.Logging.LogLevel.Warning);
        Assert.Contains("127.0.0.1:9", warning.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", warning.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(app.Logs.Lines, l => l.Text.Contains("   at ", StringComparison.Ordinal));
    }
}
