using System.Text.Json;

namespace Clearance.Cli.Tests;

public sealed class WhatIfCommandTests
{
    static string Proposal(string name) => Path.Combine(AppContext.BaseDirectory, "Examples", "proposals", name);

    static JsonElement Item(JsonElement report, string name) =>
        report.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("item").GetString() == name);

    static TempCsv Orders(string json) => new(json);

    [Theory]
    [InlineData("NVIDIA L40", "3A090.b", "3A090.a", true)]
    [InlineData("NVIDIA H100 SXM5 80GB", "3A090.a", "3A090.a", false)]
    public async Task Lowering_the_3A090a_threshold_reports_each_catalog_item_ECCN_before_and_after(string item, string before, string after, bool changed)
    {
        var run = await CliRun.Of("what-if", Proposal("tpp-2400-for-3A090a.json"), "--as-of", "2026-12-01", "--format", "json");
        Assert.True(run.Exit == 0, run.Error);
        var report = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal("proposed-tpp-2400", report.GetProperty("vintageAfter").GetString());
        Assert.Equal("2026-07-10", report.GetProperty("vintageBefore").GetString());
        var row = Item(report, item);
        Assert.Equal(before, row.GetProperty("eccnBefore").GetString());
        Assert.Equal(after, row.GetProperty("eccnAfter").GetString());
        Assert.Equal(changed, row.GetProperty("changed").GetBoolean());
    }

    [Fact]
    public async Task Order_lines_show_the_exception_lost_with_units_and_value_at_stake_by_destination()
    {
        using var orders = Orders("""
            [ { "id": "W-1", "date": "2026-11-20", "destination": "SA", "endUse": "datacenter", "exporter": "NVIDIA", "origin": "US",
                "parties": [ { "role": "buyer", "name": "Riyadh Compute Example Co.", "country": "SA", "headquarters": "SA" } ],
                "lines": [ { "item": "NVIDIA L40", "quantity": 10, "unitPrice": 9000 }, { "item": "NVIDIA H100 SXM5 80GB", "quantity": 2, "unitPrice": 27500 } ] } ]
            """);
        var run = await CliRun.Of("what-if", Proposal("tpp-2400-for-3A090a.json"), "--orders", orders.Path, "--as-of", "2026-12-01", "--format", "json");
        Assert.True(run.Exit == 0, run.Error);
        var report = JsonDocument.Parse(run.Output).RootElement;
        var lines = report.GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal(2, lines.Count);
        var l40 = lines[0];
        Assert.True(l40.GetProperty("changed").GetBoolean());
        Assert.Equal("ACA", l40.GetProperty("before").GetProperty("exception").GetString());
        Assert.Equal(JsonValueKind.Null, l40.GetProperty("after").GetProperty("exception").ValueKind);
        Assert.False(lines[1].GetProperty("changed").GetBoolean());
        var sa = Assert.Single(report.GetProperty("byDestination").EnumerateArray());
        Assert.Equal(1, sa.GetProperty("linesChanged").GetInt32());
        Assert.Equal(10, sa.GetProperty("unitsAtStake").GetInt64());
        Assert.Equal(90000m, sa.GetProperty("valueAtStake").GetDecimal());
    }

    [Fact]
    public async Task Suspending_the_Affiliates_rule_again_lifts_the_license_for_a_subsidiary_of_a_listed_owner()
    {
        using var orders = Orders("""
            [ { "id": "W-2", "date": "2026-11-20", "destination": "DE", "endUse": "datacenter", "exporter": "NVIDIA", "origin": "US",
                "parties": [ { "role": "buyer", "name": "Rheinland Rechenzentrum Beispiel GmbH", "country": "DE", "headquarters": "DE",
                               "owners": [ { "name": "Sugon", "percent": 60, "country": "CN" } ] } ],
                "lines": [ { "item": "NVIDIA H20 (HGX H20)", "quantity": 8, "unitPrice": 12000 } ] } ]
            """);
        var run = await CliRun.Of("what-if", Proposal("affiliates-suspended-again.json"), "--orders", orders.Path, "--as-of", "2026-11-20", "--format", "csv");
        Assert.True(run.Exit == 0, run.Error);
        var line = run.Output.Split('\n').Single(l => l.StartsWith("line,", StringComparison.Ordinal));
        Assert.Contains(",true,false,", line, StringComparison.Ordinal);
        Assert.EndsWith(",true", line.TrimEnd('\r'), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "title": "x", "versions": [ { "file": "nope.json", "provision": "$.a", "patch": {} } ] }""", "$.versions[0].file")]
    [InlineData("""{ "title": "x", "versions": [ { "file": "licensing.json", "provision": "$.affiliatez", "patch": {} } ] }""", "$.versions[0].provision")]
    [InlineData("""{ "versions": [] }""", "$.title")]
    [InlineData("""{ "title": "x", "versions": [ { "file": "classification.json", "provision": "$.regimes", "patch": { "id": "old", "effective": "2020-01-01" } } ] }""", "applied to data/rules")]
    [InlineData("""{ "title": "x", "versions": [ { "file": "licensing.json", "provision": "$.affiliates", "patch": { "ownershipPercent": "half" } } ] }""", "$.affiliates[3].ownershipPercent")]
    public async Task A_bad_proposal_names_the_file_and_JSON_path_and_exits_2(string proposal, string expected)
    {
        using var file = new TempCsv(proposal);
        var run = await CliRun.Of("what-if", file.Path, "--as-of", "2026-12-01");
        Assert.Equal(2, run.Exit);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }
}
