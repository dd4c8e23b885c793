using Clearance.Rules.Licensing;
using static Clearance.Rules.Tests.Licensing.TestRules;

namespace Clearance.Rules.Tests.Licensing;

public sealed class LetterTests
{
    [Theory]
    [InlineData("2025-04-08", false)]
    [InlineData("2025-04-09", true)]
    public void H20_needs_a_license_to_China_from_the_letter_date_when_NVIDIA_exports(string date, bool required)
    {
        var line = Evaluate("CN", date, H20, exporter: "NVIDIA");
        Assert.Equal(required, line.LicenseRequired);
        Assert.Equal(required, line.Has(FindingCodes.LetterLicense));
    }

    [Fact]
    public void The_letter_binds_only_its_recipient_and_warns_otherwise()
    {
        var line = Evaluate("CN", "2025-06-01", H20, exporter: "Supermicro");
        Assert.False(line.LicenseRequired);
        Assert.Contains("binds only NVIDIA", line.Finding(FindingCodes.LetterOtherExporter).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_an_exporter_the_letter_is_a_warning() =>
        Assert.True(Evaluate("CN", "2025-06-01", H20).Has(FindingCodes.LetterOtherExporter));

    [Theory]
    [InlineData("HK")]
    [InlineData("MO")]
    [InlineData("IR")]
    public void The_letter_covers_Hong_Kong_Macau_and_D5(string destination) =>
        Assert.True(Evaluate(destination, "2025-06-01", H20, exporter: "NVIDIA Corporation").Has(FindingCodes.LetterLicense));

    [Fact]
    public void The_letter_covers_a_China_headquartered_party_in_Malaysia()
    {
        Assert.True(Evaluate("MY", "2025-06-01", H20, Buyer("MY", "CN"), exporter: "NVIDIA").LicenseRequired);
        Assert.False(Evaluate("MY", "2025-06-01", H20, Buyer("MY", "MY"), exporter: "NVIDIA").LicenseRequired);
    }

    [Fact]
    public void Parts_reaching_the_H20_bandwidth_are_covered_with_the_criterion_flagged_unconfirmed()
    {
        var part = Line("Hypothetical China part", "4A994.l", true, 2000, 2.0, 4100, 400);
        var finding = Evaluate("CN", "2025-06-01", part, exporter: "NVIDIA").Finding(FindingCodes.LetterLicense);
        Assert.True(finding.Unconfirmed);
        Assert.Contains("4,100 GB/s", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2025-08-07", false)]
    [InlineData("2025-08-08", true)]
    public void The_reported_revenue_share_is_named_on_H20_licenses_from_August_2025(string date, bool named) =>
        Assert.Equal(named, Evaluate("CN", date, H20, exporter: "NVIDIA").Has(FindingCodes.RevenueShareReported));

    [Fact]
    public void The_AMD_letter_covers_MI308_for_AMD_only()
    {
        var mi308 = Line("AMD Instinct MI308X (China)", "indeterminate", true, null, null, null, null);
        Assert.True(Evaluate("CN", "2025-06-01", mi308, exporter: "AMD").Has(FindingCodes.LetterLicense));
        Assert.False(Evaluate("CN", "2025-04-13", mi308, exporter: "AMD").Has(FindingCodes.LetterLicense));
        Assert.True(Evaluate("CN", "2025-06-01", mi308, exporter: "NVIDIA").Has(FindingCodes.LetterOtherExporter));
    }
}
