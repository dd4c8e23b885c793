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
}
