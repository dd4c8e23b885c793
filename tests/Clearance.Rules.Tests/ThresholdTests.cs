namespace Clearance.Rules.Tests;

public sealed class ThresholdTests
{
    const string Under2022 = "2023-06-01";
    const string Under2023 = "2024-06-01";
    const string UnderHbm = "2025-02-01";

    // Each threshold at, just below and just above its edge, with the other figures chosen so that only it decides.
    [Theory]
    [InlineData(4800, 10000, "3A090.a", "3A090.a.1")]
    [InlineData(4799.99, 10000, "3A991.p", "3A991.p.1")]
    [InlineData(4800.01, 10000, "3A090.a", "3A090.a.1")]
    [InlineData(4799.99, 1000, "3A090.b", "3A090.b.1")]
    [InlineData(2400, 1000, "3A090.b", "3A090.b.1")]
    [InlineData(2399.99, 1000, "3A991.p", "3A991.p.1")]
    [InlineData(2400.01, 1000, "3A090.b", "3A090.b.1")]
    [InlineData(1600, 200, "3A090.a", "3A090.a.2")]
    [InlineData(1599.99, 200, "3A991.p", "3A991.p.1")]
    [InlineData(1600.01, 200, "3A090.a", "3A090.a.2")]
    [InlineData(1600, 400, "3A090.b", "3A090.b.2")]
    [InlineData(1599.99, 400, "3A991.p", "3A991.p.1")]
    [InlineData(1600.01, 400, "3A090.b", "3A090.b.2")]
    public void Total_processing_performance_edges_under_the_2023_rule(double tpp, double dieArea, string eccn, string rule)
    {
        var result = ShippedRules.Classify(ShippedRules.Chip(tpp, dieArea), Under2023);
        Assert.Equal(eccn, result.Eccn);
        Assert.Equal(rule, result.Rule);
    }

    // PD = TPP / die area; 2960 / 500 = 5.92, 1920 / 600 = 3.2 and 3200 / 2000 = 1.6 exactly.
    [Theory]
    [InlineData(2960, 500, "3A090.a", "3A090.a.2")]
    [InlineData(2959.99, 500, "3A090.b", "3A090.b.1")]
    [InlineData(2960.01, 500, "3A090.a", "3A090.a.2")]
    [InlineData(1920, 600, "3A090.b", "3A090.b.2")]
    [InlineData(1919.99, 600, "3A991.p", "3A991.p.1")]
    [InlineData(1920.01, 600, "3A090.b", "3A090.b.2")]
    [InlineData(3200, 2000, "3A090.b", "3A090.b.1")]
    [InlineData(3199.99, 2000, "3A991.p", "3A991.p.1")]
    [InlineData(3200.01, 2000, "3A090.b", "3A090.b.1")]
    public void Performance_density_edges_under_the_2023_rule(double tpp, double dieArea, string eccn, string rule)
    {
        var result = ShippedRules.Classify(ShippedRules.Chip(tpp, dieArea), Under2023);
        Assert.Equal(eccn, result.Eccn);
        Assert.Equal(rule, result.Rule);
    }

    [Theory]
    [InlineData(600, "3A090")]
    [InlineData(599.99, "none")]
    [InlineData(600.01, "3A090")]
    public void Input_output_edge_of_the_2022_rule(double interconnect, string eccn)
    {
        var result = ShippedRules.Classify(ShippedRules.Chip(5000, interconnect: interconnect), Under2022);
        Assert.Equal(eccn, result.Eccn);
    }

    [Theory]
    [InlineData(4800, "3A090")]
    [InlineData(4799.99, "none")]
    [InlineData(4800.01, "3A090")]
    public void Performance_edge_of_the_2022_rule(double tpp, string eccn)
    {
        var result = ShippedRules.Classify(ShippedRules.Chip(tpp, interconnect: 900), Under2022);
        Assert.Equal(eccn, result.Eccn);
    }

    [Theory]
    [InlineData(2, "none")]
    [InlineData(1.99, "none")]
    [InlineData(2.01, "3A090.c")]
    public void High_bandwidth_memory_edge_is_strictly_greater_than_2(double density, string eccn)
    {
        var stack = new ItemSpec { Name = "HBM stack", HbmBandwidthDensity = density };
        var result = ShippedRules.Classify(stack, UnderHbm);
        Assert.Equal(eccn, result.Eccn);
        Assert.Equal("3A090.c", result.Rule);
    }

    [Theory]
    [InlineData(8, 0, "3A991.p")]
    [InlineData(7.99, 0, "none")]
    [InlineData(8.01, 0, "3A991.p")]
    [InlineData(1, 150, "3A991.p")]
    [InlineData(1, 149.99, "none")]
    [InlineData(1, 150.01, "3A991.p")]
    public void Anti_terrorism_tier_edges(double denseTops, double interconnect, string eccn)
    {
        var chip = new ItemSpec { Name = "small", Datacenter = true, DenseTopsInt8 = denseTops, DieAreaMm2 = 100, InterconnectGbs = interconnect };
        Assert.Equal(eccn, ShippedRules.Classify(chip, Under2023).Eccn);
    }

    [Theory]
    [InlineData(4799.99, false, "3A991.p", "3A991.p.1")]
    [InlineData(4800, false, "3A090.a", "3A090.a.1")]
    [InlineData(4800.01, false, "3A090.a", "3A090.a.1")]
    [InlineData(4799.99, true, "3A090.a", "3A090.a.2")]
    [InlineData(4800, true, "3A090.a", "3A090.a.1")]
    public void Datacenter_note_applies_only_below_4800(double tpp, bool datacenter, string eccn, string rule)
    {
        var result = ShippedRules.Classify(ShippedRules.Chip(tpp, 500, datacenter), Under2023);
        Assert.Equal(eccn, result.Eccn);
        Assert.Equal(rule, result.Rule);
    }

    [Fact]
    public void Non_datacenter_part_at_4800_is_3A090a_and_points_at_NAC_and_ACA()
    {
        var result = ShippedRules.Classify(ShippedRules.Chip(4800, 500, datacenter: false), Under2023);
        Assert.Contains("NAC/ACA", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_datacenter_flag_is_indeterminate_only_where_it_changes_the_answer()
    {
        var decisive = ShippedRules.Classify(ShippedRules.Chip(4799.99, 500, datacenter: null), Under2023);
        Assert.Equal("indeterminate", decisive.Eccn);
        Assert.Equal(["datacenter"], decisive.MissingFigures);

        var aboveNote = ShippedRules.Classify(ShippedRules.Chip(4800, 500, datacenter: null), Under2023);
        Assert.Equal("3A090.a", aboveNote.Eccn);

        var belowEverything = ShippedRules.Classify(ShippedRules.Chip(1000, 500, datacenter: null), Under2023);
        Assert.Equal("3A991.p", belowEverything.Eccn);
    }

    [Fact]
    public void Missing_die_area_is_indeterminate_where_density_decides_and_names_the_figure()
    {
        var result = ShippedRules.Classify(ShippedRules.Chip(3000), Under2023);
        Assert.Equal("indeterminate", result.Eccn);
        Assert.Equal(["die_area_mm2"], result.MissingFigures);
        Assert.Contains("die_area_mm2", result.Reason, StringComparison.Ordinal);

        Assert.Equal("3A090.a", ShippedRules.Classify(ShippedRules.Chip(5000), Under2023).Eccn);
    }

    [Fact]
    public void Reason_never_prints_a_figure_rounded_onto_the_threshold_it_missed()
    {
        var result = ShippedRules.Classify(ShippedRules.Chip(4799.99999, 10000), Under2023);
        Assert.DoesNotContain("4800 <", result.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("4800 with", result.Reason, StringComparison.Ordinal);
    }
}
