namespace Clearance.Rules.Tests;

public sealed class ClassifierTests
{
    static readonly ItemSpec H20 = new()
    {
        Name = "NVIDIA H20 (HGX H20)",
        Datacenter = true,
        DenseTopsInt8 = 296,
        DenseTflopsFp16 = 148,
        DenseTflopsFp8 = 296,
        DieAreaMm2 = 814,
        InterconnectGbs = 900,
        PublishedTpp = 2368,
    };

    [Fact]
    public void Classifies_the_H20_as_3A991p_under_the_2023_rule()
    {
        var result = ShippedRules.Classify(H20, "2024-06-01");
        Assert.Equal("3A991.p", result.Eccn);
        Assert.Equal("3A991.p.1", result.Rule);
        Assert.Equal(2368, result.Tpp);
        Assert.Equal("2024-04-04", result.Vintage);
        Assert.True(result.Unconfirmed);
        Assert.Contains("[unconfirmed:", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(4800)]
    [InlineData(4801)]
    [InlineData(4800.5)]
    [InlineData(12345.678951)]
    [InlineData(99_999_999_999_999)]
    [InlineData(1e14)]
    [InlineData(123456789012345)]
    [InlineData(1e15)]
    [InlineData(1e20)]
    [InlineData(9999999999.99995)]
    [InlineData(9999999999.9999)]
    [InlineData(5000.00005)]
    [InlineData(4800.0001)]
    [InlineData(6543.21)]
    public void Reasons_print_figures_as_the_rounded_double_prints(double tpp)
    {
        var result = ShippedRules.Classify(ShippedRules.Chip(tpp), "2026-03-01");
        var expected = Math.Round(tpp, 4).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.StartsWith($"TPP {expected} >= 4800: 3A090.a.1", result.Reason, StringComparison.Ordinal);
    }
}
