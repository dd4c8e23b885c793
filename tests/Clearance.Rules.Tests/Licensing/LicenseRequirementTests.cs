using Clearance.Rules.Licensing;
using static Clearance.Rules.Tests.Licensing.TestRules;

namespace Clearance.Rules.Tests.Licensing;

public sealed class LicenseRequirementTests
{
    [Theory]
    [InlineData("2022-10-07", true)]
    [InlineData("2023-11-16", true)]
    public void The_2022_rule_requires_a_license_to_China_with_presumption_of_denial(string date, bool required)
    {
        var line = Evaluate("CN", date, A800Of2022);
        Assert.Equal(required, line.LicenseRequired);
        Assert.Equal(ReviewPolicy.PresumptionOfDenial, line.ReviewPolicy);
        Assert.Null(line.Exception);
        Assert.True(line.Finding(FindingCodes.ReviewPolicy).Unconfirmed);
    }

    [Theory]
    [InlineData("2023-01-17", false)]
    [InlineData("2023-01-18", true)]
    public void The_2022_rule_reaches_Macau_from_January_2023(string date, bool required)
    {
        var line = Evaluate("MO", date, A800Of2022);
        Assert.Equal(required, line.LicenseRequired);
        Assert.Equal(required, line.Has(FindingCodes.RsChina2022) && line.Finding(FindingCodes.RsChina2022).Unconfirmed);
    }

    [Fact]
    public void The_2022_rule_needs_no_license_to_Vietnam() =>
        Assert.False(Evaluate("VN", "2023-06-01", A800Of2022).LicenseRequired);

    [Theory]
    [InlineData("2023-11-16", "3A090", false, null)]
    [InlineData("2023-11-17", "3A090.a", true, ReviewPolicy.PresumptionOfApproval)]
    public void Vietnam_enters_the_scope_on_2023_11_17(string date, string eccn, bool required, ReviewPolicy? policy)
    {
        var line = Evaluate("VN", date, H100 with { Eccn = eccn, Entry = ControlEntries.Parse(eccn)!.Value });
        Assert.Equal(required, line.LicenseRequired);
        Assert.Equal(policy, line.ReviewPolicy);
    }

    [Theory]
    [InlineData("CN", ReviewPolicy.PresumptionOfDenial)]
    [InlineData("MO", ReviewPolicy.PresumptionOfDenial)]
    [InlineData("RU", ReviewPolicy.PresumptionOfDenial)]
    [InlineData("VN", ReviewPolicy.PresumptionOfApproval)]
    [InlineData("SA", ReviewPolicy.PresumptionOfApproval)]
    public void Macau_and_D5_are_presumption_of_denial_the_rest_of_the_scope_presumption_of_approval(string destination, ReviewPolicy policy)
    {
        var line = Evaluate(destination, "2024-06-01", H100);
        Assert.True(line.LicenseRequired);
        Assert.Equal(policy, line.ReviewPolicy);
    }

    [Theory]
    [InlineData("MY")]
    [InlineData("DE")]
    [InlineData("IL")]
    [InlineData("US")]
    public void Destinations_outside_the_scope_need_no_license(string destination)
    {
        var line = Evaluate(destination, "2024-06-01", H100);
        Assert.False(line.LicenseRequired);
        Assert.Equal(Verdict.Cleared, line.Verdict);
    }

    [Fact]
    public void Hong_Kong_is_decided_as_China()
    {
        var line = Evaluate("HK", "2024-06-01", H100);
        Assert.Equal(ReviewPolicy.PresumptionOfDenial, line.ReviewPolicy);
        Assert.True(line.Has(FindingCodes.DestinationAlias));
    }

    [Fact]
    public void Headquarters_in_China_makes_a_license_needed_outside_the_D_groups()
    {
        var line = Evaluate("MY", "2024-06-01", H100, Buyer("MY", "CN"));
        Assert.True(line.LicenseRequired);
        Assert.Equal(ReviewPolicy.CaseByCase, line.ReviewPolicy);
        Assert.Contains("headquartered in CN", line.Finding(FindingCodes.HeadquartersRule).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Headquarters_rule_starts_on_2023_11_17()
    {
        Assert.False(Evaluate("MY", "2023-11-16", H100 with { Eccn = "3A090", Entry = ControlEntry.Eccn3A090Of2022 }, Buyer("MY", "CN")).LicenseRequired);
        Assert.True(Evaluate("MY", "2023-11-17", H100, Buyer("MY", "CN")).LicenseRequired);
    }

    [Fact]
    public void Headquarters_in_D5_inside_the_D_groups_turns_approval_into_denial()
    {
        Assert.Equal(ReviewPolicy.PresumptionOfApproval, Evaluate("VN", "2024-06-01", H100, Buyer("VN", "VN")).ReviewPolicy);
        Assert.Equal(ReviewPolicy.PresumptionOfDenial, Evaluate("VN", "2024-06-01", H100, Buyer("VN", "CN")).ReviewPolicy);
        Assert.Equal(ReviewPolicy.PresumptionOfDenial, Evaluate("VN", "2024-06-01", H100, Buyer("VN", "MO")).ReviewPolicy);
        Assert.Equal(ReviewPolicy.PresumptionOfDenial, Evaluate("VN", "2024-06-01", H100, Buyer("VN", "HK")).ReviewPolicy);
    }

    [Fact]
    public void Headquarters_outside_Macau_and_D5_adds_nothing()
    {
        var line = Evaluate("MY", "2024-06-01", H100, Buyer("MY", "VN"));
        Assert.False(line.LicenseRequired);
    }

    [Fact]
    public void Enforcement_of_the_headquarters_rule_is_flagged_uncertain_before_the_2026_guidance()
    {
        Assert.True(Evaluate("MY", "2025-06-01", H100, Buyer("MY", "CN")).Finding(FindingCodes.HeadquartersRuleEnforcementDoubt).Unconfirmed);
        Assert.True(Evaluate("MY", "2026-05-31", H100, Buyer("MY", "CN")).Has(FindingCodes.HeadquartersRuleGuidance));
    }

    [Theory]
    [InlineData("2024-12-30", false)]
    [InlineData("2024-12-31", true)]
    public void HBM_needs_a_license_to_China_from_its_compliance_date(string date, bool required)
    {
        var hbm = Line("HBM3E stack", "3A090.c", null, null, null, null, null) with { HbmBandwidthDensity = 3.0 };
        var line = Evaluate("CN", date, hbm);
        Assert.Equal(required, line.LicenseRequired);
        Assert.Null(line.Exception);
        Assert.Equal(required, line.Has(FindingCodes.HbmException));
    }

    [Fact]
    public void HBM_needs_no_license_to_Vietnam() =>
        Assert.False(Evaluate("VN", "2025-06-01", Line("HBM3E stack", "3A090.c", null, null, null, null, null)).LicenseRequired);

    [Fact]
    public void UAE_is_licensed_through_D4_and_then_through_the_chart_once_in_A5()
    {
        var before = Evaluate("AE", "2026-07-09", L40);
        var after = Evaluate("AE", "2026-07-10", L40);
        Assert.True(before.LicenseRequired);
        Assert.False(before.Has(FindingCodes.UaeCharts));
        Assert.True(after.LicenseRequired);
        Assert.True(after.Has(FindingCodes.UaeCharts));
        Assert.Equal(ReviewPolicy.PresumptionOfApproval, after.ReviewPolicy);
    }

    [Theory]
    [InlineData("CU")]
    [InlineData("IR")]
    [InlineData("KP")]
    [InlineData("SY")]
    [InlineData("RU")]
    [InlineData("BY")]
    public void Embargoed_destinations_need_a_license_for_any_item(string destination)
    {
        var line = Evaluate(destination, "2024-06-01", Line("Plain NIC", "none", false, null, null, null, null));
        Assert.True(line.LicenseRequired);
        Assert.Equal(ReviewPolicy.PresumptionOfDenial, line.ReviewPolicy);
        Assert.True(line.Finding(FindingCodes.Embargo).Unconfirmed);
    }

    [Theory]
    [InlineData("2022-02-23", false)]
    [InlineData("2022-02-24", true)]
    public void Russia_embargo_starts_on_2022_02_24(string date, bool required) =>
        Assert.Equal(required, Evaluate("RU", date, Line("Plain NIC", "none", false, null, null, null, null)).LicenseRequired);

    [Fact]
    public void Indeterminate_item_is_held_where_it_could_need_a_license_and_cleared_where_it_could_not()
    {
        var unknown = Line("Mystery accelerator", "indeterminate", true, 4000, null, null, null);
        Assert.Equal(Verdict.Hold, Evaluate("CN", "2024-06-01", unknown).Verdict);
        Assert.Equal(Verdict.Cleared, Evaluate("DE", "2024-06-01", unknown).Verdict);
    }

    [Fact]
    public void Shipping_inside_the_United_States_is_not_an_export() =>
        Assert.True(Evaluate("US", "2025-06-01", H100).Has(FindingCodes.NotAnExport));

    [Fact]
    public void Order_verdict_is_the_worst_of_its_lines()
    {
        var order = Order("VN", "2024-06-01", H20) with { Lines = [H20, L40, H100] };
        var decision = Evaluate(order);
        Assert.Equal([Verdict.Cleared, Verdict.Exception, Verdict.LicenseRequired], decision.Lines.Select(l => l.Verdict));
        Assert.Equal(Verdict.LicenseRequired, decision.Verdict);
        Assert.Equal("2024-04-04", decision.Vintage);
    }
}
