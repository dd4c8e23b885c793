using Clearance.Rules.Licensing;
using static Clearance.Rules.Tests.Licensing.TestRules;

namespace Clearance.Rules.Tests.Licensing;

/// <summary>The cases an independent review of the engine found wrong, one table per finding.</summary>
public sealed class ReviewFindingTests
{
    static readonly Dictionary<string, LineFacts> Items = new(StringComparer.Ordinal)
    {
        ["H20"] = H20,
        ["H100"] = H100,
        ["H200"] = H200,
        ["B200"] = B200,
        ["L40"] = L40,
        ["MI308"] = Line("AMD Instinct MI308X (China)", "indeterminate", true, null, null, null, null),
        ["H20-class part"] = Line("Hypothetical China part", "4A994.l", true, 2000, 2.0, 4100, 400),
    };

    static ScreeningFact EntityListHit(HitDisposition disposition, string? policy = "Presumption of denial") => new()
    {
        List = "Entity List (EL) - Bureau of Industry and Security",
        Entry = "Sugon (Dawning Information Industry)",
        Score = 0.97,
        Decision = ScreeningDecision.Hit,
        Disposition = disposition,
        LicenseRequirement = "For all items subject to the EAR",
        LicensePolicy = policy,
        FederalRegisterNotice = "84 FR 29371",
    };

    static OwnerFacts Owner(string name, double percent, bool listed) => new()
    {
        Name = name,
        Percent = percent,
        Screening = listed ? [EntityListHit(HitDisposition.ConfirmedMatch)] : [],
    };

    [Theory]
    [InlineData("H20", "CN", "2025-08-08", "NVIDIA", 15)]
    [InlineData("MI308", "CN", "2025-09-01", "AMD", 15)]
    [InlineData("H200", "CN", "2026-03-01", null, 25)]
    [InlineData("H200", "MO", "2026-03-01", null, 25)]
    [InlineData("H20", "CN", "2025-08-07", "NVIDIA", null)]
    [InlineData("H20-class part", "CN", "2025-09-01", "NVIDIA", null)]
    [InlineData("H100", "CN", "2026-03-01", "NVIDIA", null)]
    [InlineData("B200", "CN", "2026-03-01", "NVIDIA", null)]
    [InlineData("H200", "RU", "2026-03-01", "NVIDIA", null)]
    [InlineData("H200", "CN", "2025-12-07", null, null)]
    public void A_revenue_share_is_named_only_for_the_items_it_was_reported_for(string item, string destination, string date, string? exporter, int? percent)
    {
        var line = Evaluate(destination, date, Items[item], exporter: exporter);
        Assert.True(line.LicenseRequired);
        Assert.DoesNotContain(line.Findings, f => f.Code == "LETTER_REVENUE_SHARE");
        Assert.Equal(percent is not null, line.Has(FindingCodes.RevenueShareReported));
        if (percent is { } p)
        {
            var finding = line.Finding(FindingCodes.RevenueShareReported);
            Assert.True(finding.Unconfirmed);
            Assert.Contains($"{p}% of the China revenue", finding.Message, StringComparison.Ordinal);
            Assert.Equal(item == "H200", finding.Message.Contains("conflicting report", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("Presumption of denial", ReviewPolicy.PresumptionOfDenial, false)]
    [InlineData("Case-by-case review", ReviewPolicy.CaseByCase, false)]
    [InlineData("", ReviewPolicy.PresumptionOfDenial, true)]
    [InlineData(null, ReviewPolicy.PresumptionOfDenial, true)]
    public void An_undispositioned_Entity_List_hit_requires_a_license_on_every_line_under_the_entry_policy(string? entryPolicy, ReviewPolicy policy, bool assumed)
    {
        var line = Evaluate("DE", "2024-06-01", H20, Buyer("DE", "DE", EntityListHit(HitDisposition.Pending, entryPolicy)));
        Assert.True(line.LicenseRequired);
        Assert.Equal(Verdict.Hold, line.Verdict);
        Assert.Equal(policy, line.ReviewPolicy);
        Assert.Null(line.Exception);
        var finding = line.Finding(FindingCodes.ListedPartyLicensePending);
        Assert.Contains("undispositioned match", finding.Message, StringComparison.Ordinal);
        Assert.Contains("For all items subject to the EAR", finding.Message, StringComparison.Ordinal);
        Assert.Contains("84 FR 29371", finding.Citation, StringComparison.Ordinal);
        Assert.Equal(assumed, finding.Unconfirmed);
        Assert.Equal(assumed, finding.Message.Contains("presumption of denial assumed", StringComparison.Ordinal));
    }

    [Fact]
    public void A_false_positive_disposition_removes_the_Entity_List_requirement()
    {
        var line = Evaluate("DE", "2024-06-01", H20, Buyer("DE", "DE", EntityListHit(HitDisposition.FalsePositive)));
        Assert.False(line.LicenseRequired);
        Assert.False(line.Has(FindingCodes.ListedPartyLicensePending));
    }

    [Theory]
    [InlineData("2026-06-01", "Example Buyer Co.", "L40", true, LicenseException.Aca, FindingCodes.AcaAvailable)]
    [InlineData("2026-07-10", "Example Buyer Co.", "L40", true, null, FindingCodes.AcaNotAvailable)]
    [InlineData("2026-07-10", "G42", "L40", false, null, FindingCodes.Supplement8Entity)]
    [InlineData("2026-08-01", "Core42 FZ-LLC", "H100", false, null, FindingCodes.Supplement8Entity)]
    [InlineData("2026-08-01", "Group 42 Holding Ltd", "H100", false, null, FindingCodes.Supplement8Entity)]
    [InlineData("2026-08-01", "Core42 Ventures", "H100", true, null, FindingCodes.UaeCharts)]
    [InlineData("2026-06-01", "G42", "L40", true, LicenseException.Aca, FindingCodes.AcaAvailable)]
    public void The_UAE_after_2026_07_10_has_no_ACA_and_lifts_the_requirement_for_supplement_8_entities(
        string date, string buyer, string item, bool required, LicenseException? exception, string code)
    {
        var line = Evaluate("AE", date, Items[item], Buyer("AE") with { Name = buyer });
        Assert.Equal(required, line.LicenseRequired);
        Assert.Equal(exception, line.Exception);
        Assert.True(line.Has(code), code);
        if (code == FindingCodes.Supplement8Entity)
        {
            Assert.True(line.Finding(code).Unconfirmed);
            Assert.Contains("supp. no. 8", line.Finding(code).Citation, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("2025-10-01", 30, 30, true, FindingCodes.AffiliateOfListed, false)]
    [InlineData("2025-10-01", 30, 19.9, true, null, false)]
    [InlineData("2025-10-01", 30, 30, false, null, false)]
    [InlineData("2025-09-28", 30, 30, true, null, false)]
    [InlineData("2026-01-01", 30, 30, true, FindingCodes.AffiliatesRuleSuspended, false)]
    [InlineData("2026-11-10", 30, 30, true, FindingCodes.AffiliateOfListed, true)]
    public void Listed_owners_count_in_the_aggregate_under_the_Affiliates_rule(
        string date, double first, double second, bool secondListed, string? code, bool unconfirmed)
    {
        var buyer = Buyer("DE") with { Owners = [Owner("Listed Parent A", first, true), Owner("Parent B", second, secondListed)] };
        var line = Evaluate("DE", date, H20, buyer);
        Assert.Equal(code == FindingCodes.AffiliateOfListed, line.LicenseRequired);
        Assert.Equal(code == FindingCodes.AffiliateOfListed, line.Has(FindingCodes.AffiliateOfListed));
        Assert.Equal(code == FindingCodes.AffiliatesRuleSuspended, line.Has(FindingCodes.AffiliatesRuleSuspended));
        if (code is not null)
        {
            var finding = line.Finding(code);
            Assert.Contains("60% owned in the aggregate", finding.Message, StringComparison.Ordinal);
            Assert.Equal(Day(date) >= Day("2025-11-10"), finding.Message.Contains("2026-11-10", StringComparison.Ordinal));
            Assert.Equal(unconfirmed, finding.Unconfirmed);
        }
    }

    [Theory]
    [InlineData("2026-01-14", "CN", ReviewPolicy.CaseByCase, true)]
    [InlineData("2026-01-15", "CN", ReviewPolicy.PresumptionOfDenial, true)]
    [InlineData("2026-06-01", "MO", ReviewPolicy.PresumptionOfDenial, true)]
    public void A_China_or_Macau_headquartered_entity_abroad_is_presumption_of_denial_from_2026_01_15(
        string date, string headquarters, ReviewPolicy policy, bool unconfirmed)
    {
        var line = Evaluate("MY", date, H100, Buyer("MY", headquarters));
        Assert.True(line.Has(FindingCodes.HeadquartersRule));
        Assert.Equal(policy, line.ReviewPolicy);
        var review = line.Findings.Single(f => f.Code == FindingCodes.ReviewPolicy);
        Assert.Equal(unconfirmed, review.Unconfirmed);
        Assert.False(line.Has(FindingCodes.ChinaCaseByCase));
    }

    [Theory]
    [InlineData("2026-09-19", false)]
    [InlineData("2026-09-20", true)]
    [InlineData("2027-03-01", true)]
    public void Orders_after_the_rulebook_horizon_carry_an_unconfirmed_finding(string date, bool after)
    {
        var line = Evaluate("DE", date, H100);
        Assert.Equal(after, line.Has(FindingCodes.ResearchHorizon));
        if (after)
        {
            Assert.True(line.Finding(FindingCodes.ResearchHorizon).Unconfirmed);
            Assert.Contains("2026-09-19", line.Finding(FindingCodes.ResearchHorizon).Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("CN", "2026-03-01", null, true, ReviewPolicy.CaseByCase)]
    [InlineData("CN", "2026-03-01", "US", false, ReviewPolicy.CaseByCase)]
    [InlineData("US", "2026-03-01", null, true, null)]
    [InlineData("DE", "2024-06-01", null, false, null)]
    public void An_absent_origin_is_said_to_be_assumed_US_when_the_answer_depends_on_it(
        string destination, string date, string? origin, bool said, ReviewPolicy? policy)
    {
        var line = Evaluate(destination, date, H200, origin: origin);
        Assert.Equal(said, line.Has(FindingCodes.OriginAssumed));
        Assert.Equal(policy, line.ReviewPolicy);
    }

    [Theory]
    [InlineData("MO", "2022-12-01", false, FindingCodes.RsOutsideScope, true)]
    [InlineData("MO", "2023-02-01", true, FindingCodes.RsChina2022, true)]
    [InlineData("CN", "2022-12-01", true, FindingCodes.RsChina2022, false)]
    public void Decisions_resting_on_the_Macau_date_of_January_2023_are_flagged(
        string destination, string date, bool required, string code, bool unconfirmed)
    {
        var line = Evaluate(destination, date, A800Of2022);
        Assert.Equal(required, line.LicenseRequired);
        Assert.Equal(unconfirmed, line.Finding(code).Unconfirmed);
    }

    [Theory]
    [InlineData("H200", "CN", "2026-01-14", "customs", true)]
    [InlineData("H200", "CN", "2026-01-13", "customs", false)]
    [InlineData("H200", "DE", "2026-02-01", "customs", false)]
    [InlineData("H20", "CN", "2025-07-31", "summoned", true)]
    [InlineData("B200", "CN", "2025-07-31", "summoned", false)]
    [InlineData("B200", "CN", "2025-11-05", "domestic AI chips", true)]
    public void China_side_facts_are_findings_on_the_lines_they_concern(string item, string destination, string date, string fragment, bool shown)
    {
        var line = Evaluate(destination, date, Items[item]);
        var facts = line.Findings.Where(f => f.Code == FindingCodes.ChinaSidePosture).ToList();
        Assert.Equal(shown, facts.Any(f => f.Message.Contains(fragment, StringComparison.Ordinal)));
        Assert.All(facts, f => Assert.True(f.Unconfirmed));
    }

    public static TheoryData<string> VintageEdges() =>
        [.. ShippedRules.Book.Vintages.SelectMany(v => new[] { v.Effective.AddDays(-1), v.Effective, v.Effective.AddDays(1) })
            .Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), "2026-12-01"];

    [Theory]
    [MemberData(nameof(VintageEdges))]
    public void Classify_and_evaluate_report_the_same_vintage(string date)
    {
        var classified = ShippedRules.Classify(ShippedRules.Chip(5000), date).Vintage;
        Assert.Equal(classified, Evaluate(Order("DE", date, H100)).Vintage);
        Assert.Equal(ShippedRules.Book.VintageOn(Day(date))?.Id ?? "none", classified);
    }
}
