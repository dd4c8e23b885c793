using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Clearance.Tests.Databases;
using Clearance.Users;

namespace Clearance.Web.Tests;

public sealed class SqliteWhatIfApiTests : WhatIfApiTests<SqliteDatabase>;

public sealed class PostgresWhatIfApiTests : WhatIfApiTests<PostgresDatabase>;

public abstract class WhatIfApiTests<TDb>
    where TDb : ITestDatabase, new()
{
    static readonly object TppProposal = new
    {
        title = "3A090.a.1 at TPP 2400",
        versions = new object[]
        {
            // One vintage list: a proposed regime comes with the vintage that brings it in.
            new { file = "vintages.json", provision = "$.vintages", patch = new { id = "proposed", effective = "2026-12-01", title = "proposed: 3A090.a.1 at TPP 2400" } },
            new { file = "classification.json", provision = "$.regimes", patch = new { id = "proposed", effective = "2026-12-01", tiered = new { a1Tpp = new { value = 2400 } } } },
        },
    };

    static readonly JsonElement SaudiOrders = JsonDocument.Parse("""
        [ { "id": "W-1", "date": "2026-11-20", "destination": "SA", "endUse": "datacenter", "exporter": "NVIDIA", "origin": "US",
            "parties": [ { "role": "buyer", "name": "Riyadh Compute Example Co.", "country": "SA", "headquarters": "SA" } ],
            "lines": [ { "item": "NVIDIA L40", "quantity": 10, "unitPrice": 9000 } ] } ]
        """).RootElement;

    [Fact]
    public async Task A_viewer_runs_a_proposal_over_orders_and_gets_the_lines_that_change_with_their_value()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var viewer = await app.ClientForAsync(Role.Viewer);

        var report = await Responses.JsonAsync(
            await viewer.PostAsJsonAsync("/api/what-if", new { proposal = TppProposal, orders = SaudiOrders, asOf = "2026-12-01" }), HttpStatusCode.OK);

        var l40 = report.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("item").GetString() == "NVIDIA L40");
        Assert.Equal(("3A090.b", "3A090.a"), (l40.GetProperty("eccnBefore").GetString(), l40.GetProperty("eccnAfter").GetString()));
        var line = Assert.Single(report.GetProperty("lines").EnumerateArray());
        Assert.True(line.GetProperty("changed").GetBoolean());
        Assert.Equal("ACA", line.GetProperty("before").GetProperty("exception").GetString());
        Assert.Equal(90000m, Assert.Single(report.GetProperty("byDestination").EnumerateArray()).GetProperty("valueAtStake").GetDecimal());
    }

    [Theory]
    [InlineData("""{ "proposal": { "title": "x", "versions": [ { "file": "nope.json", "provision": "$.a", "patch": {} } ] } }""", "$.proposal.versions[0].file")]
    [InlineData("""{ "proposal": { "title": "x", "versions": [ { "file": "licensing.json", "provision": "$.affiliates", "patch": { "ownershipPercent": "half" } } ] } }""", "$.proposal")]
    [InlineData("""{ "orders": [] }""", "$.proposal")]
    [InlineData("""{ "proposal": { "title": "x", "versions": [ { "file": "licensing.json", "provision": "$.affiliates", "patch": {} } ] }, "orders": [ { "id": "A" } ] }""", "$.orders[0]")]
    [InlineData("""{ "proposal": { "title": "x", "versions": [] }, "asOf": "soon" }""", "$.asOf")]
    [InlineData("""{ "proposal": { "title": "x", "versions": [ 1, 2 """, "$.proposal")]
    public async Task A_bad_request_gets_problem_details_naming_the_JSON_path(string body, string path)
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var sales = await app.ClientForAsync(Role.Sales);

        var problem = await Responses.JsonAsync(
            await sales.PostAsync("/api/what-if", new StringContent(body, System.Text.Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);

        Assert.Contains(problem.GetProperty("errors").EnumerateObject(), e => e.Name.StartsWith(path, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_is_refused_as_an_unsupported_media_type()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var viewer = await app.ClientForAsync(Role.Viewer);

        var problem = await Responses.JsonAsync(
            await viewer.PostAsync("/api/what-if", new StringContent("title=x", System.Text.Encoding.UTF8, "text/plain")), HttpStatusCode.UnsupportedMediaType);

        Assert.Equal(415, problem.GetProperty("status").GetInt32());
    }
}
