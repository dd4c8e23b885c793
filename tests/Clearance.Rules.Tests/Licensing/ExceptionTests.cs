using Clearance.Rules.Licensing;
using static Clearance.Rules.Tests.Licensing.TestRules;

namespace Clearance.Rules.Tests.Licensing;

public sealed class ExceptionTests
{
    [Theory]
    [InlineData("2024-04-03", LicenseException.Nac)]
    [InlineData("2024-04-04", LicenseException.Aca)]
    public void NAC_split_into_NAC_and_ACA_on_2024_04_04_for_D1_destinations(string date, LicenseException expected)
    {
        var line = Evaluate("VN", date, L40);
        Assert.Equal(expected, line.Exception);
        Assert.False(line.Has(FindingCodes.NacNotice));
        Assert.Equal(Verdict.Exception, line.Verdict);
    }

    [Theory]
    [InlineData("2023-12-01")]
    [InlineData("2024-06-01")]
    public void NAC_to_China_needs_the_25_day_notice(string date)
    {
        var line = Evaluate("CN", date, L40);
        Assert.Equal(LicenseException.Nac, line.Exception);
        Assert.Contains("25 calendar days", line.Finding(FindingCodes.NacNotice).Message, StringComparison.Ordinal);
        Assert.Contains("TPP 2,912", line.Finding(FindingCodes.NacNotice).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NAC_needs_the_notice_for_a_China_headquartered_party_in_Vietnam()
    {
        var line = Evaluate("VN", "2024-06-01", L40, Buyer("VN", "CN"));
        Assert.Equal(LicenseException.Nac, line.Exception);
        Assert.True(line.Has(FindingCodes.NacNotice));
    }

    [Fact]
    public void NAC_covers_the_headquarters_rule_outside_the_D_groups()
    {
        var line = Evaluate("MY", "2024-06-01", Rtx4090, Buyer("MY", "CN"));
        Assert.Equal(LicenseException.Nac, line.Exception);
        Assert.True(line.Has(FindingCodes.NacNotice));
    }

    [Fact]
    public void Non_datacenter_3A090a_is_NAC_eligible_to_China()
    {
        var line = Evaluate("CN", "2024-06-01", Rtx4090);
        Assert.True(line.LicenseRequired);
        Assert.Equal(LicenseException.Nac, line.Exception);
    }

    [Fact]
    public void Datacenter_3A090a_is_never_NAC_or_ACA_eligible()
    {
        var line = Evaluate("VN", "2024-06-01", H100);
        Assert.Null(line.Exception);
        Assert.True(line.Has(FindingCodes.NacAcaNotForDatacenter));
    }

    [Fact]
    public void Unknown_datacenter_status_is_treated_as_datacenter()
    {
        var line = Evaluate("VN", "2024-06-01", Rtx4090 with { Datacenter = null });
        Assert.Null(line.Exception);
        Assert.True(line.Has(FindingCodes.DatacenterUnknown));
    }

    [Fact]
    public void NAC_is_barred_where_part_746_requires_a_license()
    {
        var line = Evaluate("IR", "2024-06-01", L40);
        Assert.True(line.LicenseRequired);
        Assert.Null(line.Exception);
        Assert.True(line.Has(FindingCodes.NacAcaBarred));
    }

    [Fact]
    public void NAC_is_barred_where_part_744_requires_a_license()
    {
        var line = Evaluate("CN", "2024-06-01", L40, endUse: EndUse.AdvancedNodeIc);
        Assert.Null(line.Exception);
        Assert.True(line.Has(FindingCodes.NacAcaBarred));
        Assert.True(line.Has(FindingCodes.EndUse));
    }

    [Fact]
    public void NAC_and_ACA_require_a_written_purchase_order() =>
        Assert.True(Evaluate("VN", "2024-06-01", L40).Has(FindingCodes.ExceptionPurchaseOrder));
}
