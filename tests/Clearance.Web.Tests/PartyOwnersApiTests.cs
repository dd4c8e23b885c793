using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Clearance.Tests.Databases;
using Clearance.Users;
using Microsoft.EntityFrameworkCore;

namespace Clearance.Web.Tests;

public sealed class SqlitePartyOwnersApiTests : PartyOwnersApiTests<SqliteDatabase>;

public sealed class PostgresPartyOwnersApiTests : PartyOwnersApiTests<PostgresDatabase>;

/// <summary>A party's owners are recorded with it and screened like its other names: a listed owner is an alert on the party.</summary>
public abstract class PartyOwnersApiTests<TDb>
    where TDb : ITestDatabase, new()
{
    // Neither the party's name nor the second owner is on a shipped list; Sugon is on the Entity List.
    const string PartyName = "Harbor Light Trading Pte. Ltd.";
    const string Unlisted = "Meridian Orchard Holdings";
    const string WatchList = "id,name,aliases,country,list\nC-1,Jiangnan Inference Services,,CN,Company watch list\n";

    [Fact]
    public async Task A_listed_owner_raises_an_alert_on_the_party_and_the_owners_are_read_back()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var sales = await app.ClientForAsync(Role.Sales);

        var created = await CreateAsync(sales, [new { name = "Sugon", country = "CN", percent = 30.5 }, new { name = Unlisted, country = "SG", percent = (double?)null }]);
        var id = created.GetProperty("id").GetInt64();
        var read = await Responses.JsonAsync(await sales.GetAsync($"/api/parties/{id}"), HttpStatusCode.OK);
        var listed = await Responses.JsonAsync(await sales.GetAsync("/api/parties?openAlerts=true"), HttpStatusCode.OK);

        var raised = created.GetProperty("raised").EnumerateArray().ToList();
        Assert.NotEmpty(raised);
        Assert.All(raised, a => Assert.Equal(("owner", "Sugon", "party"), (a.GetProperty("role").GetString(), a.GetProperty("partyName").GetString(), a.GetProperty("source").GetString())));
        Assert.Contains(raised, a => a.GetProperty("list").GetString()!.StartsWith("Entity List", StringComparison.Ordinal));
        var owners = read.GetProperty("owners").EnumerateArray().ToList();
        Assert.Equal([("Sugon", "CN", (double?)30.5), (Unlisted, "SG", null)],
            owners.Select(o => (o.GetProperty("name").GetString(), o.GetProperty("country").GetString(), o.GetProperty("percent").ValueKind == JsonValueKind.Null ? (double?)null : o.GetProperty("percent").GetDouble())));
        Assert.Equal(("potential-match", raised.Count), (read.GetProperty("screening").GetProperty("status").GetString(), read.GetProperty("screening").GetProperty("openAlerts").GetInt32()));
        Assert.Equal(id, Assert.Single(listed.EnumerateArray()).GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task Editing_the_owners_screens_the_new_owner_and_a_dispositioned_owner_stays_dispositioned_while_it_is_unchanged()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var sales = await app.ClientForAsync(Role.Sales);
        var officer = await app.ClientForAsync(Role.ComplianceOfficer);
        var created = await CreateAsync(sales, [new { name = "Sugon", country = "CN", percent = 30.0 }]);
        var id = created.GetProperty("id").GetInt64();
        foreach (var alert in created.GetProperty("raised").EnumerateArray())
        {
            await Responses.JsonAsync(await officer.PostAsJsonAsync($"/api/alerts/{alert.GetProperty("id").GetInt64()}/disposition", new { disposition = "false-positive", reason = "a different Sugon: registry number differs" }), HttpStatusCode.OK);
        }

        var unchanged = await UpdateAsync(sales, id, [new { name = "Sugon", country = "CN", percent = 30.0 }]);
        var withNewOwner = await UpdateAsync(sales, id, [new { name = "Sugon", country = "CN", percent = 30.0 }, new { name = "Huawei Technologies Co., Ltd.", country = "CN", percent = 25.0 }]);
        var ownerRemoved = await UpdateAsync(sales, id, [new { name = "Sugon", country = "CN", percent = 30.0 }]);
        var events = await app.QueryAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.Action == "party.updated" && e.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture)).OrderBy(e => e.Id).Select(e => e.Payload).ToListAsync());

        Assert.Equal(0, unchanged.GetProperty("raised").GetArrayLength());
        var raised = withNewOwner.GetProperty("raised").EnumerateArray().ToList();
        Assert.NotEmpty(raised);
        Assert.All(raised, a => Assert.Equal(("owner", "Huawei Technologies Co., Ltd."), (a.GetProperty("role").GetString(), a.GetProperty("partyName").GetString())));
        Assert.Equal(0, ownerRemoved.GetProperty("raised").GetArrayLength());
        Assert.Equal("Sugon", Assert.Single(ownerRemoved.GetProperty("owners").EnumerateArray()).GetProperty("name").GetString());
        Assert.Equal([false, true, true], events.Select(e => JsonDocument.Parse(e).RootElement.GetProperty("materialChange").GetBoolean()));
        Assert.True((await Responses.JsonAsync(await app.AdminClient().GetAsync("/api/audit/verify"), HttpStatusCode.OK)).GetProperty("ok").GetBoolean());
    }

    [Fact]
    public async Task A_list_version_that_lists_an_owner_raises_an_alert_on_the_party_it_owns()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var sales = await app.ClientForAsync(Role.Sales);
        var officer = await app.ClientForAsync(Role.ComplianceOfficer);
        var created = await CreateAsync(sales, [new { name = "Jiangnan Inference Services Co., Ltd.", country = "CN", percent = 60.0 }]);

        var imported = await Responses.JsonAsync(await officer.PostAsync("/api/lists/versions?fileName=watch.csv", new StringContent(WatchList, Encoding.UTF8, "text/csv")), HttpStatusCode.Created);
        var alerts = await Responses.JsonAsync(await officer.GetAsync($"/api/alerts?partyId={created.GetProperty("id").GetInt64()}"), HttpStatusCode.OK);

        Assert.Equal(0, created.GetProperty("raised").GetArrayLength());
        Assert.Equal(1, imported.GetProperty("delta").GetProperty("alertsRaised").GetInt32());
        var alert = Assert.Single(alerts.EnumerateArray());
        Assert.Equal(("owner", "Jiangnan Inference Services Co., Ltd.", "Company watch list"),
            (alert.GetProperty("role").GetString(), alert.GetProperty("partyName").GetString(), alert.GetProperty("list").GetString()));
    }

    [Fact]
    public async Task Bad_owners_are_refused_naming_the_owner_and_its_field()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var sales = await app.ClientForAsync(Role.Sales);

        var fields = await Responses.JsonAsync(await sales.PostAsJsonAsync("/api/parties", new
        {
            name = PartyName,
            country = "SG",
            owners = new object?[] { new { name = "", percent = 10.0 }, new { name = "A", country = "Singapore", percent = 10.0 }, new { name = "B", percent = 100.5 }, null },
        }), HttpStatusCode.BadRequest);
        var total = await Responses.JsonAsync(await sales.PostAsJsonAsync("/api/parties", new
        {
            name = PartyName,
            country = "SG",
            owners = new[] { new { name = "A", percent = 60.0 }, new { name = "B", percent = 50.0 } },
        }), HttpStatusCode.BadRequest);
        var thirds = await sales.PostAsJsonAsync("/api/parties", new
        {
            name = PartyName,
            country = "SG",
            owners = new[] { new { name = "A", percent = 100.0 / 3 }, new { name = "B", percent = 100.0 / 3 }, new { name = "C", percent = 100.0 / 3 } },
        });

        var errors = fields.GetProperty("errors");
        Assert.Equal(["owners[0].name", "owners[1].country", "owners[2].percent", "owners[3]"], errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Contains("110", Assert.Single(total.GetProperty("errors").GetProperty("owners").EnumerateArray()).GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, thirds.StatusCode);
        Assert.Equal(1, await app.QueryAsync(db => db.Parties.CountAsync()));
    }

    static async Task<JsonElement> CreateAsync(HttpClient client, object[] owners) =>
        await Responses.JsonAsync(await client.PostAsJsonAsync("/api/parties", new { name = PartyName, country = "SG", owners }), HttpStatusCode.Created);

    static async Task<JsonElement> UpdateAsync(HttpClient client, long id, object[] owners) =>
        await Responses.JsonAsync(await client.PutAsJsonAsync($"/api/parties/{id}", new { name = PartyName, country = "SG", owners }), HttpStatusCode.OK);
}
