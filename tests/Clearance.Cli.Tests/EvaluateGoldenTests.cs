using System.Text.Json;

namespace Clearance.Cli.Tests;

public sealed class EvaluateGoldenTests
{
    [Fact]
    public async Task Every_golden_order_gets_the_expected_decision()
    {
        var (exit, output, error) = await OrderFiles.RunAsync("evaluate", OrderFiles.Golden("orders.json"));
        Assert.True(exit == CliApp.Ok, error);
        using var decisions = JsonDocument.Parse(output);
        using var expected = JsonDocument.Parse(File.ReadAllText(OrderFiles.Golden("orders-expected.json")));
        var byId = decisions.RootElement.EnumerateArray().ToDictionary(d => d.GetProperty("orderId").GetString()!, StringComparer.Ordinal);
        var failures = new List<string>();
        foreach (var order in expected.RootElement.EnumerateObject())
        {
            var decision = byId[order.Name];
            var line = Assert.Single(decision.GetProperty("lines").EnumerateArray());
            foreach (var field in order.Value.EnumerateObject())
            {
                var actual = field.Name switch
                {
                    "verdict" => decision.GetProperty("verdict"),
                    "screeningHitList" => decision.GetProperty("screening"),
                    _ => line.GetProperty(field.Name),
                };
                var ok = field.Name == "screeningHitList"
                    ? actual.EnumerateArray().Any(s => s.GetProperty("decision").GetString() == "hit"
                        && s.GetProperty("list").GetString()!.Contains(field.Value.GetString()!, StringComparison.Ordinal))
                    : actual.GetRawText() == field.Value.GetRawText();
                if (!ok)
                {
                    failures.Add($"{order.Name}.{field.Name}: expected {field.Value.GetRawText()}, got {actual.GetRawText()}");
                }
            }
        }

        Assert.Empty(failures);
        Assert.Equal(expected.RootElement.EnumerateObject().Count(), byId.Count);
    }

    [Fact]
    public async Task The_decision_has_the_contract_shape_and_says_which_diffusion_reading_it_used()
    {
        var (exit, output, _) = await OrderFiles.RunAsync("evaluate", OrderFiles.Golden("orders.json"), "--diffusion", "as-written", "--as-of", "2025-06-01");
        Assert.Equal(CliApp.Ok, exit);
        using var decisions = JsonDocument.Parse(output);
        var first = decisions.RootElement[0];
        Assert.Equal(["orderId", "asOf", "vintage", "verdict", "lines", "screening", "diffusion", "lists", "maxListAgeDays", "listWarnings"],
            first.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["version", "asOf", "daysOlderThanOrder"], first.GetProperty("lists")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal("as-written", first.GetProperty("diffusion").GetString());
        Assert.Equal("2025-06-01", first.GetProperty("asOf").GetString());
        var line = first.GetProperty("lines")[0];
        Assert.Equal(["item", "eccn", "licenseRequired", "reviewPolicy", "exception", "findings"], line.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["code", "citation", "message", "unconfirmed"], line.GetProperty("findings")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(["role", "name", "decision", "list", "entry", "score"], first.GetProperty("screening")[0].EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task The_table_shows_verdict_lines_reasons_and_parties()
    {
        var (exit, output, _) = await OrderFiles.RunAsync("evaluate", OrderFiles.Golden("orders.json"), "--format", "table");
        Assert.Equal(CliApp.Ok, exit);
        Assert.Contains("S18  LICENSE-REQUIRED", output, StringComparison.Ordinal);
        Assert.Contains("case-by-case", output, StringComparison.Ordinal);
        Assert.Contains("- R10_VOLUME_CAP:", output, StringComparison.Ordinal);
        Assert.Contains("buyer: Hanhai Lotus Datacenter Co., Ltd.: clear", output, StringComparison.Ordinal);
    }
}
