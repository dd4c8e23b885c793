using Clearance.Rules.Licensing;
using static Clearance.Rules.Tests.Licensing.TestRules;

namespace Clearance.Rules.Tests.Licensing;

public sealed class PartyTests
{
    static ScreeningFact EntityListHit(HitDisposition disposition) => new()
    {
        List = "Entity List (EL) - Bureau of Industry and Security",
        Entry = "Sugon (Dawning Information Industry)",
        Score = 0.97,
        Decision = ScreeningDecision.Hit,
        Disposition = disposition,
        LicenseRequirement = "For all items subject to the EAR",
        LicensePolicy = "Presumption of denial",
    };

    [Fact]
    public void An_undispositioned_hit_holds_the_order_and_names_the_list_and_its_terms()
    {
        var decision = Evaluate(Order("DE", "2024-06-01", H20, Buyer("DE", "DE", EntityListHit(HitDisposition.Pending))));
        Assert.Equal(Verdict.Hold, decision.Verdict);
        var message = Assert.Single(decision.Lines).Finding(FindingCodes.ScreeningPotentialHit).Message;
        Assert.Contains("Entity List", message, StringComparison.Ordinal);
        Assert.Contains("For all items subject to the EAR", message, StringComparison.Ordinal);
        Assert.Contains("Presumption of denial", message, StringComparison.Ordinal);
        var row = Assert.Single(decision.Screening);
        Assert.Equal(ScreeningDecision.Hit, row.Decision);
        Assert.Equal(0.97, row.Score);
    }

    [Fact]
    public void A_confirmed_Entity_List_match_needs_a_license_for_every_item_without_exceptions()
    {
        var line = Evaluate("VN", "2024-06-01", L40, Buyer("VN", "VN", EntityListHit(HitDisposition.ConfirmedMatch)));
        Assert.Equal(Verdict.LicenseRequired, line.Verdict);
        Assert.Equal(ReviewPolicy.PresumptionOfDenial, line.ReviewPolicy);
        Assert.Null(line.Exception);
    }

    [Fact]
    public void A_false_positive_clears()
    {
        var decision = Evaluate(Order("DE", "2024-06-01", H20, Buyer("DE", "DE", EntityListHit(HitDisposition.FalsePositive))));
        Assert.Equal(Verdict.Cleared, decision.Verdict);
    }

    [Fact]
    public void An_unscreened_party_holds_the_order()
    {
        var decision = Evaluate(Order("DE", "2024-06-01", H20, Buyer("DE") with { Screened = false }));
        Assert.Equal(Verdict.Hold, decision.Verdict);
        Assert.Equal(ScreeningDecision.NotScreened, Assert.Single(decision.Screening).Decision);
    }

    [Theory]
    [InlineData("2025-09-28", null)]
    [InlineData("2025-09-29", FindingCodes.AffiliateOfListed)]
    [InlineData("2025-11-10", FindingCodes.AffiliatesRuleSuspended)]
    [InlineData("2026-11-09", FindingCodes.AffiliatesRuleSuspended)]
    [InlineData("2026-11-10", FindingCodes.AffiliateOfListed)]
    public void The_Affiliates_rule_applies_then_is_suspended_then_reapplies(string date, string? code)
    {
        var buyer = Buyer("DE") with
        {
            Owners = [new OwnerFacts { Name = "Listed Parent Ltd.", Percent = 50, Screening = [EntityListHit(HitDisposition.ConfirmedMatch)] }],
        };
        var line = Evaluate("DE", date, H20, buyer);
        Assert.Equal(code == FindingCodes.AffiliateOfListed, line.LicenseRequired);
        if (code is not null)
        {
            Assert.True(line.Has(code));
        }

        Assert.Equal(date == "2026-11-10", line.Has(FindingCodes.AffiliateOfListed) && line.Finding(FindingCodes.AffiliateOfListed).Unconfirmed);
    }

    [Fact]
    public void Ownership_below_50_percent_is_not_an_affiliate()
    {
        var buyer = Buyer("DE") with
        {
            Owners = [new OwnerFacts { Name = "Listed Parent Ltd.", Percent = 49.9, Screening = [EntityListHit(HitDisposition.ConfirmedMatch)] }],
        };
        Assert.False(Evaluate("DE", "2025-10-01", H20, buyer).LicenseRequired);
    }

    [Theory]
    [InlineData("CN", true)]
    [InlineData("MY", false)]
    public void Supercomputer_end_use_in_D5_needs_a_license_for_4A994(string destination, bool required)
    {
        var line = Evaluate(destination, "2024-06-01", H20, endUse: EndUse.Supercomputer);
        Assert.Equal(required, line.LicenseRequired);
        Assert.Equal(required, line.Has(FindingCodes.EndUse) && line.Finding(FindingCodes.EndUse).Unconfirmed);
    }
}
