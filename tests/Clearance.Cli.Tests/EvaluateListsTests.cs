using System.Text.Json;

namespace Clearance.Cli.Tests;

/// <summary>Decisions screen against the newest shipped lists and say how old each snapshot was on the order date.</summary>
public sealed class EvaluateListsTests
{
    static string Order(string id, string date, string buyer) => $$"""
        { "id": "{{id}}", "date": "{{date}}", "destination": "CN", "endUse": "datacenter",
          "parties": [ { "role": "buyer", "name": "{{buyer}}", "country": "CN" } ],
          "lines": [ { "item": "NVIDIA H20 (HGX H20)", "quantity": 8, "unitPrice": 12000 } ] }
        """;

    [Theory]
    [InlineData("Shanghai Biren Intelligent Technology Co., Ltd.", "Shanghai Biren Intelligent Technology Co., Ltd.")]
    [InlineData("Zhipu AI", "Beijing Zhipu Huazhang Technology Co., Ltd.")]
    [InlineData("Sophgo Technologies Ltd.", "Sophgo Technologies Ltd.")]
    public async Task An_order_for_an_entity_listed_since_2023_is_held_on_its_Entity_List_hit(string buyer, string entry)
    {
        var file = OrderFiles.TempFile($"[{Order("EL-1", "2026-08-01", buyer)}]");

        var (exit, output, error) = await OrderFiles.RunAsync("evaluate", file);

        Assert.True(exit == CliApp.Ok, error);
        using var decisions = JsonDocument.Parse(output);
        var decision = decisions.RootElement[0];
        var party = decision.GetProperty("screening")[0];
        Assert.Equal("hold", decision.GetProperty("verdict").GetString());
        Assert.Equal(("hit", "Entity List (EL) - Bureau of Industry and Security", entry),
            (party.GetProperty("decision").GetString(), party.GetProperty("list").GetString(), party.GetProperty("entry").GetString()));
    }

    [Theory]
    [InlineData("2026-08-08", null, false)]
    [InlineData("2026-08-09", null, true)]
    [InlineData("2026-08-09", "31", false)]
    [InlineData("2026-08-10", "31", true)]
    public async Task The_decision_names_each_snapshot_date_and_warns_when_the_Entity_List_is_older_than_the_order_by_more_than_the_limit(
        string date, string? maxAge, bool warns)
    {
        var file = OrderFiles.TempFile($"[{Order("AGE-1", date, "Hanhai Lotus Datacenter Co., Ltd.")}]");
        string[] args = maxAge is null ? ["evaluate", file] : ["evaluate", file, "--max-list-age", maxAge];

        var (exit, output, error) = await OrderFiles.RunAsync(args);

        Assert.True(exit == CliApp.Ok, error);
        using var decisions = JsonDocument.Parse(output);
        var decision = decisions.RootElement[0];
        var entityList = Assert.Single(decision.GetProperty("lists").EnumerateArray(),
            l => l.GetProperty("version").GetString()!.StartsWith("us_lists_2026-07/bis_entity_list.json sha256:", StringComparison.Ordinal));
        Assert.Equal("2026-07-09", entityList.GetProperty("asOf").GetString());
        Assert.Equal(int.Parse(maxAge ?? "30", System.Globalization.CultureInfo.InvariantCulture), decision.GetProperty("maxListAgeDays").GetInt32());
        var warned = decision.GetProperty("listWarnings").EnumerateArray()
            .Any(w => w.GetProperty("list").GetString() == entityList.GetProperty("version").GetString() && w.GetProperty("code").GetString() == "list-snapshot-stale");
        Assert.Equal(warns, warned);
        // The lists the 2026 set lacks come from the CSL of 2022-05: always stale for a 2026 order, and said so.
        Assert.Contains(decision.GetProperty("listWarnings").EnumerateArray(), w => w.GetProperty("list").GetString()!.Contains("consolidated-uvl-ssi-fse-plc-cap-nsmbs.csv", StringComparison.Ordinal));
        Assert.Contains("warning:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_negative_list_age_is_a_usage_error()
    {
        var file = OrderFiles.TempFile($"[{Order("AGE-2", "2026-08-01", "Hanhai Lotus Datacenter Co., Ltd.")}]");

        var (exit, _, error) = await OrderFiles.RunAsync("evaluate", file, "--max-list-age", "-1");

        Assert.Equal(CliApp.BadInput, exit);
        Assert.Contains("--max-list-age", error, StringComparison.Ordinal);
    }
}
