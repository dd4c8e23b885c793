using System.Text.Json;

namespace Clearance.Cli.Tests;

public sealed class EvaluateExamplesTests
{
    [Fact]
    public async Task The_shipped_examples_get_the_decisions_the_README_describes()
    {
        var (exit, output, error) = await OrderFiles.RunAsync("evaluate", Path.Combine(AppContext.BaseDirectory, "Examples", "orders.json"));
        Assert.True(exit == CliApp.Ok, error);
        using var decisions = JsonDocument.Parse(output);
        var byId = decisions.RootElement.EnumerateArray().ToDictionary(d => d.GetProperty("orderId").GetString()!, StringComparer.Ordinal);
        string Verdict(string id) => byId[id].GetProperty("verdict").GetString()!;
        JsonElement Line(string id) => byId[id].GetProperty("lines")[0];
        bool Has(string id, string code) => Line(id).GetProperty("findings").EnumerateArray().Any(f => f.GetProperty("code").GetString() == code);

        Assert.Equal("presumption-of-approval", Line("EX-01").GetProperty("reviewPolicy").GetString());
        Assert.Equal("cleared", Verdict("EX-02"));
        Assert.True(Has("EX-03", "LETTER_LICENSE_REQUIRED"));
        Assert.Equal("cleared", Verdict("EX-04"));
        Assert.True(Has("EX-04", "LETTER_BINDS_OTHER_EXPORTER"));
        Assert.Equal("case-by-case", Line("EX-05").GetProperty("reviewPolicy").GetString());
        Assert.Equal("presumption-of-denial", Line("EX-06").GetProperty("reviewPolicy").GetString());
        Assert.Equal("NAC", Line("EX-07").GetProperty("exception").GetString());
        Assert.Equal("ACA", Line("EX-08").GetProperty("exception").GetString());
        Assert.True(Has("EX-09", "HQ_RULE"));
        Assert.Equal("hold", Verdict("EX-10"));
        var sugon = byId["EX-10"].GetProperty("screening")[0];
        Assert.Equal("hit", sugon.GetProperty("decision").GetString());
        Assert.Contains("Entity List", sugon.GetProperty("list").GetString(), StringComparison.Ordinal);
        Assert.True(Has("EX-11", "AI_DIFFUSION_NOT_ENFORCED"));
        Assert.True(Has("EX-12", "RS_UAE"));
        Assert.Equal(["3A090.a", "3A991.p", "3A090.b"], byId["EX-13"].GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("eccn").GetString()));
    }
}
