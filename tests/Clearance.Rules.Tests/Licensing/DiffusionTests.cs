using Clearance.Rules.Licensing;
using static Clearance.Rules.Tests.Licensing.TestRules;

namespace Clearance.Rules.Tests.Licensing;

public sealed class DiffusionTests
{
    [Fact]
    public void Enforced_reading_keeps_the_D_group_scope_and_says_what_as_written_would_require()
    {
        var decision = Evaluate(Order("MY", "2025-06-01", H100));
        Assert.Equal(DiffusionReading.Enforced, decision.Diffusion);
        var line = Assert.Single(decision.Lines);
        Assert.False(line.LicenseRequired);
        Assert.True(line.Has(FindingCodes.AiDiffusionNotEnforced));
    }

    [Fact]
    public void As_written_reading_requires_a_license_worldwide_for_3A090a()
    {
        var decision = Evaluate(Order("MY", "2025-06-01", H100), DiffusionReading.AsWritten);
        Assert.Equal(DiffusionReading.AsWritten, decision.Diffusion);
        var line = Assert.Single(decision.Lines);
        Assert.True(line.LicenseRequired);
        Assert.Equal(ReviewPolicy.PresumptionOfApproval, line.ReviewPolicy);
        Assert.True(line.Finding(FindingCodes.ReviewPolicy).Unconfirmed);
        Assert.True(line.Has(FindingCodes.LppPossible));
    }

    [Theory]
    [InlineData("2025-05-14", false)]
    [InlineData("2025-05-15", true)]
    public void As_written_worldwide_requirement_starts_at_the_compliance_date(string date, bool required)
    {
        var line = Evaluate("MY", date, H100, reading: DiffusionReading.AsWritten);
        Assert.Equal(required, line.LicenseRequired);
        Assert.Equal(!required, line.Has(FindingCodes.AiDiffusionCompliancePending));
    }

    [Fact]
    public void As_written_reading_leaves_3A090b_in_the_D_group_scope() =>
        Assert.False(Evaluate("MY", "2025-06-01", L40, reading: DiffusionReading.AsWritten).LicenseRequired);

    [Fact]
    public void As_written_reading_offers_AIA_to_a_Tier_1_country()
    {
        var line = Evaluate("DE", "2025-06-01", H100, reading: DiffusionReading.AsWritten);
        Assert.True(line.LicenseRequired);
        Assert.Equal(LicenseException.Aia, line.Exception);
        Assert.True(line.Finding(FindingCodes.AiaAvailable).Unconfirmed);
    }

    [Fact]
    public void As_written_reading_denies_AIA_when_a_party_is_headquartered_in_China()
    {
        var line = Evaluate("DE", "2025-06-01", H100, Buyer("DE", "CN"), reading: DiffusionReading.AsWritten);
        Assert.Null(line.Exception);
        Assert.Equal(ReviewPolicy.PresumptionOfDenial, line.ReviewPolicy);
    }

    [Fact]
    public void Both_readings_agree_before_the_AI_Diffusion_rule()
    {
        var enforced = Evaluate("MY", "2024-06-01", H100);
        var asWritten = Evaluate("MY", "2024-06-01", H100, reading: DiffusionReading.AsWritten);
        Assert.Equal(enforced.LicenseRequired, asWritten.LicenseRequired);
    }
}
