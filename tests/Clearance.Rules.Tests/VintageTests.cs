namespace Clearance.Rules.Tests;

public sealed class VintageTests
{
    public static TheoryData<string> Vintages() => [.. ShippedRules.Book.Vintages.Select(v => v.Id)];

    [Fact]
    public void Holds_every_vintage_of_the_design_table()
    {
        Assert.Equal(
            ["2022-10-07", "2023-11-17", "2024-04-04", "2024-12-02", "2025-01-13", "2025-04-09", "2025-09-29", "2026-01-15", "2026-07-10"],
            ShippedRules.Book.Vintages.Select(v => v.Id));
        Assert.All(ShippedRules.Book.Vintages, v => Assert.False(string.IsNullOrWhiteSpace(v.FederalRegister)));
        Assert.All(ShippedRules.Book.Vintages, v => Assert.False(string.IsNullOrWhiteSpace(v.Cfr)));
    }

    [Theory]
    [MemberData(nameof(Vintages))]
    public void Each_vintage_takes_effect_on_its_date_and_not_the_day_before(string id)
    {
        var vintage = ShippedRules.Book.Vintages.Single(v => v.Id == id);
        var previous = ShippedRules.Book.Vintages.LastOrDefault(v => v.Effective < vintage.Effective);

        Assert.Equal(id, ShippedRules.Book.VintageOn(vintage.Effective)?.Id);
        Assert.Equal(previous?.Id, ShippedRules.Book.VintageOn(vintage.Effective.AddDays(-1))?.Id);

        var result = Classifier.Classify(ShippedRules.Chip(15840, 814, interconnect: 900), vintage.Effective, ShippedRules.Book);
        Assert.Equal(id, result.Vintage);
    }

    [Fact]
    public void Before_2022_10_07_nothing_is_controlled()
    {
        var h100 = ShippedRules.Chip(15840, 814, interconnect: 900);
        var before = ShippedRules.Classify(h100, "2022-10-06");
        Assert.Equal("none", before.Eccn);
        Assert.Equal("none", before.Vintage);
        Assert.Equal("3A090", ShippedRules.Classify(h100, "2022-10-07").Eccn);
    }

    [Fact]
    public void The_2023_rule_takes_effect_on_2023_11_17()
    {
        var a800 = ShippedRules.Chip(4992, 826, interconnect: 400);
        Assert.Equal("none", ShippedRules.Classify(a800, "2023-11-16").Eccn);
        Assert.Equal("3A090.a", ShippedRules.Classify(a800, "2023-11-17").Eccn);
    }

    [Fact]
    public void The_HBM_control_takes_effect_on_2024_12_02_with_compliance_from_2024_12_31()
    {
        var stack = new ItemSpec { Name = "HBM3E stack", HbmBandwidthDensity = 3.0 };
        Assert.Equal("none", ShippedRules.Classify(stack, "2024-12-01").Eccn);

        var first = ShippedRules.Classify(stack, "2024-12-02");
        Assert.Equal("3A090.c", first.Eccn);
        Assert.Contains("compliance required from 2024-12-31", first.Reason, StringComparison.Ordinal);

        var later = ShippedRules.Classify(stack, "2024-12-31");
        Assert.Equal("3A090.c", later.Eccn);
        Assert.DoesNotContain("compliance required", later.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_threshold_carries_a_federal_register_cite_and_a_cfr_paragraph()
    {
        var thresholds = ShippedRules.Book.Regimes.SelectMany(r => new[]
        {
            r.Legacy?.Tpp, r.Legacy?.InputOutput, r.Tiered?.A1Tpp, r.Tiered?.A2Tpp, r.Tiered?.A2Pd, r.Tiered?.B1TppMin,
            r.Tiered?.B1TppBelow, r.Tiered?.B1PdMin, r.Tiered?.B1PdBelow, r.Tiered?.B2Tpp, r.Tiered?.B2PdMin,
            r.Tiered?.B2PdBelow, r.Tiered?.DatacenterNoteTpp, r.Tiered?.P1Tops, r.Tiered?.P2InputOutput, r.Hbm?.Density,
        }).OfType<Threshold>().ToList();

        Assert.Equal(2 + 13 + 13 + 1, thresholds.Count);
        Assert.All(thresholds, t => Assert.Matches(@"^\d+ FR \d+", t.FederalRegister));
        Assert.All(thresholds, t => Assert.StartsWith("15 CFR ", t.Cfr, StringComparison.Ordinal));
    }

    [Fact]
    public void Unconfirmed_marks_of_the_research_reach_the_output()
    {
        var h20 = new ItemSpec { Name = "H20", Datacenter = true, DenseTflopsFp8 = 296, DieAreaMm2 = 814 };
        var result = ShippedRules.Classify(h20, "2026-03-01");
        Assert.True(result.Unconfirmed);
        Assert.Contains("unconfirmed", result.Reason, StringComparison.Ordinal);

        var h100 = ShippedRules.Classify(ShippedRules.Chip(15840, 814), "2026-03-01");
        Assert.False(h100.Unconfirmed);
    }

    static Regulation Load(string vintages, string classification)
    {
        var texts = Regulation.Files.ToDictionary(f => f, Licensing.TestRules.Read);
        texts[Regulation.VintagesFile] = vintages;
        texts[Regulation.ClassificationFile] = classification;
        return Regulation.Load(texts);
    }

    [Fact]
    public void A_malformed_rule_file_is_rejected_with_the_file_named()
    {
        var e = Assert.Throws<FormatException>(() => Load("{ \"vintages\": [] }", "{ \"regimes\": [] }"));
        Assert.Contains("at least one", e.Message, StringComparison.Ordinal);

        var missing = Assert.Throws<FormatException>(() => Load("{ \"vintages\": [ { \"id\": \"x\" } ] }", "{ \"regimes\": [] }"));
        Assert.Contains("vintages.json", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_regulation_loads_from_its_folder()
    {
        var regulation = Regulation.Load(Path.Combine(AppContext.BaseDirectory, "rules"));
        Assert.Equal(ShippedRules.Book.Vintages, regulation.Vintages);
        Assert.Equal(ShippedRules.Book.Regimes, regulation.Regimes);
    }

    [Fact]
    public void A_classification_regime_that_starts_no_vintage_is_refused()
    {
        var classification = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "rules", "classification.json"))
            .Replace("\"effective\": \"2024-12-02\"", "\"effective\": \"2024-12-03\"", StringComparison.Ordinal);
        var e = Assert.Throws<FormatException>(() => Load(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "rules", "vintages.json")), classification));
        Assert.StartsWith("classification.json: $.regimes[2].effective: 2024-12-03 starts no vintage", e.Message, StringComparison.Ordinal);
    }
}
