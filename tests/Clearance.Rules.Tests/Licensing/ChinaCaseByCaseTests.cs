using Clearance.Rules.Licensing;
using static Clearance.Rules.Tests.Licensing.TestRules;

namespace Clearance.Rules.Tests.Licensing;

public sealed class ChinaCaseByCaseTests
{
    [Theory]
    [InlineData("2026-01-14", ReviewPolicy.PresumptionOfDenial)]
    [InlineData("2026-01-15", ReviewPolicy.CaseByCase)]
    public void H200_to_China_moves_to_case_by_case_on_2026_01_15(string date, ReviewPolicy policy) =>
        Assert.Equal(policy, Evaluate("CN", date, H200).ReviewPolicy);

    [Fact]
    public void Case_by_case_lists_its_conditions_as_findings()
    {
        var line = Evaluate("CN", "2026-03-01", H200);
        foreach (var code in new[] { "R10_CERT_US_SUPPLY", "R10_CERT_FOUNDRY_CAPACITY", "R10_CERT_RECIPIENT_SECURITY", "R10_US_THIRD_PARTY_TESTING", "R10_VOLUME_CAP", "R10_COMMERCIALLY_AVAILABLE_US" })
        {
            Assert.True(line.Has(code), code);
        }

        Assert.Contains("50%", line.Finding("R10_VOLUME_CAP").Message, StringComparison.Ordinal);
        Assert.Contains("15,840 < 21,000", line.Finding(FindingCodes.ChinaCaseByCase).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(20999.9, 4800, ReviewPolicy.CaseByCase)]
    [InlineData(21000, 4800, ReviewPolicy.PresumptionOfDenial)]
    [InlineData(15840, 6499.9, ReviewPolicy.CaseByCase)]
    [InlineData(15840, 6500, ReviewPolicy.PresumptionOfDenial)]
    public void The_box_is_TPP_below_21000_and_DRAM_bandwidth_below_6500(double tpp, double bandwidth, ReviewPolicy policy) =>
        Assert.Equal(policy, Evaluate("CN", "2026-03-01", H200 with { Tpp = tpp, MemoryBandwidthGbs = bandwidth }).ReviewPolicy);

    [Fact]
    public void B200_stays_presumption_of_denial()
    {
        var line = Evaluate("CN", "2026-03-01", B200);
        Assert.Equal(ReviewPolicy.PresumptionOfDenial, line.ReviewPolicy);
        Assert.True(line.Has(FindingCodes.ChinaCaseByCaseNotAvailable));
    }

    [Fact]
    public void Reexports_from_abroad_stay_presumption_of_denial()
    {
        var line = Evaluate("CN", "2026-03-01", H200, origin: "TW");
        Assert.Equal(ReviewPolicy.PresumptionOfDenial, line.ReviewPolicy);
        Assert.Contains("leave from TW", line.Finding(FindingCodes.ChinaCaseByCaseNotAvailable).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Macau_gets_the_same_box_but_Russia_does_not()
    {
        Assert.Equal(ReviewPolicy.CaseByCase, Evaluate("MO", "2026-03-01", H200).ReviewPolicy);
        Assert.Equal(ReviewPolicy.PresumptionOfDenial, Evaluate("RU", "2026-03-01", H200).ReviewPolicy);
    }

    [Fact]
    public void A_China_headquartered_party_outside_China_stays_presumption_of_denial() =>
        Assert.Equal(ReviewPolicy.PresumptionOfDenial, Evaluate("VN", "2026-03-01", H200, Buyer("VN", "CN")).ReviewPolicy);
}
