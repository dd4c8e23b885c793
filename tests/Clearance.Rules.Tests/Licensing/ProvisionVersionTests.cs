using System.Text.Json.Nodes;
using Clearance.Rules.Licensing;
using static Clearance.Rules.Tests.Licensing.TestRules;

namespace Clearance.Rules.Tests.Licensing;

/// <summary>Every provision written as dated versions in data/rules/licensing.json, at, just before and just after each
/// version's date; and versions added to the data (not to C#) taking effect on their date.</summary>
public sealed class ProvisionVersionTests
{
    static OwnerFacts ListedOwner(double percent) => new()
    {
        Name = "Sugon",
        Percent = percent,
        Screening =
        [
            new ScreeningFact
            {
                List = "Entity List (EL) - Bureau of Industry and Security",
                Entry = "Sugon (Dawning Information Industry)",
                Score = 0.99,
                Decision = ScreeningDecision.Hit,
                Disposition = HitDisposition.ConfirmedMatch,
                LicenseRequirement = "For all items subject to the EAR",
                LicensePolicy = "Presumption of denial",
            },
        ],
    };

    /// <summary>The shipped regulation with one edit to <c>licensing.json</c>, through the one loader of data/rules.</summary>
    static Regulation WithLicensing(Action<JsonObject> edit)
    {
        var texts = Regulation.Files.ToDictionary(f => f, Read);
        var licensing = JsonNode.Parse(texts["licensing.json"])!.AsObject();
        edit(licensing);
        texts["licensing.json"] = licensing.ToJsonString();
        return Regulation.Load(texts);
    }

    // $.china2022: China from 2022-10-07, Macau added from 2023-01-18 (a date the research could not confirm).
    [Theory]
    [InlineData("CN", "2022-10-06", null, FindingCodes.ClassificationVintageMismatch, false)]
    [InlineData("CN", "2022-10-07", ReviewPolicy.PresumptionOfDenial, FindingCodes.RsChina2022, false)]
    [InlineData("MO", "2022-10-07", null, FindingCodes.RsOutsideScope, true)]
    [InlineData("MO", "2023-01-17", null, FindingCodes.RsOutsideScope, true)]
    [InlineData("MO", "2023-01-18", ReviewPolicy.PresumptionOfDenial, FindingCodes.RsChina2022, true)]
    [InlineData("MO", "2023-01-19", ReviewPolicy.PresumptionOfDenial, FindingCodes.RsChina2022, true)]
    [InlineData("CN", "2023-01-18", ReviewPolicy.PresumptionOfDenial, FindingCodes.RsChina2022, false)]
    [InlineData("DE", "2023-01-18", null, FindingCodes.RsOutsideScope, false)]
    [InlineData("CN", "2023-11-16", ReviewPolicy.PresumptionOfDenial, FindingCodes.RsChina2022, false)]
    [InlineData("CN", "2023-11-17", null, FindingCodes.ClassificationVintageMismatch, false)]
    public void The_2022_requirement_is_the_version_in_force_and_flags_the_Macau_date(string destination, string date, ReviewPolicy? policy, string code, bool unconfirmed)
    {
        var line = Evaluate(destination, date, A800Of2022);
        Assert.Equal(policy is not null, line.LicenseRequired);
        Assert.Equal(policy, line.ReviewPolicy);
        Assert.Equal(unconfirmed, line.Finding(code).Unconfirmed);
        if (unconfirmed)
        {
            Assert.Contains(code == FindingCodes.RsOutsideScope ? "only from 2023-01-18" : "effective date was not retrieved", line.Finding(code).Message, StringComparison.Ordinal);
        }
    }

    // $.hbm: 3A090.c to Macau or D:5, effective 2024-12-02 with compliance from 2024-12-31.
    [Theory]
    [InlineData("MO", "2024-12-30", false)]
    [InlineData("MO", "2024-12-31", true)]
    [InlineData("VE", "2024-12-31", true)]
    [InlineData("DE", "2024-12-31", false)]
    public void HBM_needs_a_license_to_the_destinations_in_the_data(string destination, string date, bool required)
    {
        var hbm = Line("Example HBM3E stack", "3A090.c", null, null, null, null, null) with { HbmBandwidthDensity = 3.0 };
        var line = Evaluate(destination, date, hbm);
        Assert.Equal(required, line.LicenseRequired);
        Assert.Equal(required, line.Has(FindingCodes.HbmException));
    }

    // $.advancedComputing.reviewPolicies: 15 CFR 742.6(b)(10)(ii) from 2023-11-17; the as-written AI Diffusion version from 2025-05-15.
    [Theory]
    [InlineData("CN", null, "2023-11-17", DiffusionReading.Enforced, ReviewPolicy.PresumptionOfDenial)]
    [InlineData("CN", null, "2023-11-18", DiffusionReading.Enforced, ReviewPolicy.PresumptionOfDenial)]
    [InlineData("SA", null, "2023-11-17", DiffusionReading.Enforced, ReviewPolicy.PresumptionOfApproval)]
    [InlineData("SA", "CN", "2023-11-17", DiffusionReading.Enforced, ReviewPolicy.PresumptionOfDenial)]
    [InlineData("DE", null, "2025-05-14", DiffusionReading.AsWritten, null)]
    [InlineData("DE", null, "2025-05-15", DiffusionReading.AsWritten, ReviewPolicy.PresumptionOfApproval)]
    [InlineData("DE", null, "2025-05-16", DiffusionReading.AsWritten, ReviewPolicy.PresumptionOfApproval)]
    [InlineData("DE", null, "2025-05-15", DiffusionReading.Enforced, null)]
    public void The_advanced_computing_review_policy_is_the_version_in_force(string destination, string? headquarters, string date, DiffusionReading reading, ReviewPolicy? policy)
    {
        var line = Evaluate(destination, date, H100, Buyer(destination, headquarters), reading: reading);
        Assert.Equal(policy is not null, line.LicenseRequired);
        Assert.Equal(policy, line.ReviewPolicy);
        if (policy is not null)
        {
            var finding = line.Finding(FindingCodes.ReviewPolicy);
            var asWritten = reading == DiffusionReading.AsWritten;
            Assert.Equal(asWritten, finding.Citation.Contains("90 FR 4544", StringComparison.Ordinal));
            Assert.Equal(asWritten, finding.Unconfirmed);
        }
    }

    // $.headquarters: where the requirement is codified (2025-01-13), its review policy (2026-01-15), and what BIS said (2025-05-13, 2026-05-31).
    [Theory]
    [InlineData("2025-01-12", DiffusionReading.Enforced, "744.23(a)(3)", ReviewPolicy.CaseByCase, null)]
    [InlineData("2025-01-13", DiffusionReading.Enforced, "742.6(a)(6)(iii)(A)", ReviewPolicy.CaseByCase, null)]
    [InlineData("2025-05-12", DiffusionReading.Enforced, "742.6(a)(6)(iii)(A)", ReviewPolicy.CaseByCase, null)]
    [InlineData("2025-05-13", DiffusionReading.Enforced, "742.6(a)(6)(iii)(A)", ReviewPolicy.CaseByCase, FindingCodes.HeadquartersRuleEnforcementDoubt)]
    [InlineData("2026-01-14", DiffusionReading.Enforced, "742.6(a)(6)(iii)(A)", ReviewPolicy.CaseByCase, FindingCodes.HeadquartersRuleEnforcementDoubt)]
    [InlineData("2026-01-15", DiffusionReading.Enforced, "742.6(a)(6)(iii)(A)", ReviewPolicy.PresumptionOfDenial, FindingCodes.HeadquartersRuleEnforcementDoubt)]
    [InlineData("2026-05-30", DiffusionReading.Enforced, "742.6(a)(6)(iii)(A)", ReviewPolicy.PresumptionOfDenial, FindingCodes.HeadquartersRuleEnforcementDoubt)]
    [InlineData("2026-05-31", DiffusionReading.Enforced, "742.6(a)(6)(iii)(A)", ReviewPolicy.PresumptionOfDenial, FindingCodes.HeadquartersRuleGuidance)]
    [InlineData("2026-06-01", DiffusionReading.Enforced, "742.6(a)(6)(iii)(A)", ReviewPolicy.PresumptionOfDenial, FindingCodes.HeadquartersRuleGuidance)]
    public void A_China_headquartered_buyer_abroad_gets_the_headquarters_versions_in_force(string date, DiffusionReading reading, string citation, ReviewPolicy policy, string? notice)
    {
        var line = Evaluate("DE", date, L40, Buyer("DE", "CN"), reading: reading);
        Assert.True(line.LicenseRequired);
        Assert.Equal(policy, line.ReviewPolicy);
        Assert.Contains(citation, line.Finding(FindingCodes.HeadquartersRule).Citation, StringComparison.Ordinal);
        Assert.Equal(notice == FindingCodes.HeadquartersRuleEnforcementDoubt, line.Has(FindingCodes.HeadquartersRuleEnforcementDoubt));
        Assert.Equal(notice == FindingCodes.HeadquartersRuleGuidance, line.Has(FindingCodes.HeadquartersRuleGuidance));
    }

    [Fact]
    public void The_enforcement_doubt_is_a_version_of_the_enforced_reading_only() =>
        Assert.False(Evaluate("DE", "2025-06-01", H100, Buyer("DE", "CN"), reading: DiffusionReading.AsWritten).Has(FindingCodes.HeadquartersRuleEnforcementDoubt));

    // $.chinaCaseByCase: the box and its 25% duty band from 2026-01-15.
    [Theory]
    [InlineData("2026-01-14", ReviewPolicy.PresumptionOfDenial, false)]
    [InlineData("2026-01-15", ReviewPolicy.CaseByCase, true)]
    [InlineData("2026-01-16", ReviewPolicy.CaseByCase, true)]
    public void The_January_2026_box_and_its_duty_start_on_their_date(string date, ReviewPolicy policy, bool duty)
    {
        var line = Evaluate("CN", date, H200);
        Assert.Equal(policy, line.ReviewPolicy);
        Assert.Equal(duty, line.Has(FindingCodes.Section232Duty));
        Assert.Equal(duty, line.Has("R10_VOLUME_CAP"));
        if (duty)
        {
            Assert.Contains("25% duty", line.Finding(FindingCodes.Section232Duty).Message, StringComparison.Ordinal);
        }
    }

    // $.affiliates: in force 2025-09-29, suspended 2025-11-10, re-applied automatically (unconfirmed) 2026-11-10.
    [Theory]
    [InlineData("2025-09-28", null, false)]
    [InlineData("2025-09-29", FindingCodes.AffiliateOfListed, false)]
    [InlineData("2025-11-09", FindingCodes.AffiliateOfListed, false)]
    [InlineData("2025-11-10", FindingCodes.AffiliatesRuleSuspended, false)]
    [InlineData("2026-11-09", FindingCodes.AffiliatesRuleSuspended, false)]
    [InlineData("2026-11-10", FindingCodes.AffiliateOfListed, true)]
    [InlineData("2026-11-11", FindingCodes.AffiliateOfListed, true)]
    public void The_Affiliates_rule_is_the_version_in_force(string date, string? code, bool unconfirmed)
    {
        var line = Evaluate("DE", date, L40, Buyer("DE") with { Owners = [ListedOwner(60)] });
        Assert.Equal(code == FindingCodes.AffiliateOfListed, line.LicenseRequired);
        Assert.Equal(code == FindingCodes.AffiliateOfListed, line.Has(FindingCodes.AffiliateOfListed));
        Assert.Equal(code == FindingCodes.AffiliatesRuleSuspended, line.Has(FindingCodes.AffiliatesRuleSuspended));
        if (code is not null)
        {
            var finding = line.Finding(code);
            Assert.Equal(unconfirmed, finding.Unconfirmed);
            if (code == FindingCodes.AffiliatesRuleSuspended)
            {
                Assert.Contains("suspended 2025-11-10 to 2026-11-09", finding.Message, StringComparison.Ordinal);
                Assert.Contains("re-applies automatically on 2026-11-10", finding.Message, StringComparison.Ordinal);
            }
        }
    }

    // $.uaeCharts and $.supplement8 from 2026-07-10.
    [Theory]
    [InlineData("2026-07-09", "G42", false)]
    [InlineData("2026-07-10", "G42", true)]
    [InlineData("2026-07-11", "G42", true)]
    [InlineData("2026-07-10", "Abu Dhabi Example Compute LLC", false)]
    public void Supplement_8_lifts_the_UAE_requirement_from_its_date(string date, string recipient, bool lifted)
    {
        var line = Evaluate("AE", date, H100, Buyer("AE") with { Name = recipient });
        Assert.Equal(lifted, line.Has(FindingCodes.Supplement8Entity));
        Assert.Equal(!lifted, line.LicenseRequired);
        Assert.Equal(date != "2026-07-09" && !lifted, line.Has(FindingCodes.UaeCharts));
        if (lifted)
        {
            Assert.True(line.Finding(FindingCodes.Supplement8Entity).Unconfirmed);
        }
    }

    // A rule added as data: a new version of the box (TPP < 30,000 from 2027-01-01) and nothing else.
    [Theory]
    [InlineData("2026-12-31", ReviewPolicy.PresumptionOfDenial)]
    [InlineData("2027-01-01", ReviewPolicy.CaseByCase)]
    [InlineData("2027-01-02", ReviewPolicy.CaseByCase)]
    public void A_version_added_to_the_data_takes_effect_on_its_date(string date, ReviewPolicy policy)
    {
        var engine = new LicenseEngine(WithLicensing(licensing =>
        {
            var box = licensing["chinaCaseByCase"]!.AsArray();
            var widened = box[^1]!.DeepClone().AsObject();
            widened["from"] = "2027-01-01";
            widened["maxTppExclusive"] = 30000;
            widened["citation"] = "test rule, not published";
            box.Add(widened);
        }));
        var part = H200 with { Item = "Hypothetical 25k part", Tpp = 25000 };
        var line = Assert.Single(engine.Evaluate(Order("CN", date, part), Day(date), DiffusionReading.Enforced).Lines);
        Assert.Equal(policy, line.ReviewPolicy);
    }

    [Theory]
    [InlineData("chinaCaseByCase", "2025-01-01", "$.chinaCaseByCase[1].from: 2025-01-01 is not later than the version before it (2026-01-15)")]
    [InlineData("affiliates", "2025-09-29", "$.affiliates[3].from: 2025-09-29 is not later than the version before it (2026-11-10)")]
    public void A_version_out_of_date_order_is_refused_naming_the_file_and_JSON_path(string provision, string from, string message)
    {
        var error = Assert.Throws<FormatException>(() => WithLicensing(licensing =>
        {
            var versions = licensing[provision]!.AsArray();
            var early = versions[^1]!.DeepClone().AsObject();
            early["from"] = from;
            versions.Add(early);
        }));
        Assert.Equal($"licensing.json: {message}", error.Message);
    }

    [Fact]
    public void A_review_policy_that_starts_after_its_requirement_is_refused()
    {
        var error = Assert.Throws<FormatException>(() => WithLicensing(licensing => licensing["advancedComputing"]!["reviewPolicies"]![0]!["from"] = "2023-12-01"));
        Assert.StartsWith("licensing.json: $.advancedComputing.reviewPolicies[0]:", error.Message, StringComparison.Ordinal);
    }

    // $.lists[].defaultReviewPolicy: the policy assumed, and flagged, when a matched entry names none.
    [Theory]
    [InlineData("Entity List (EL) - Bureau of Industry and Security", "15 CFR 744.11(b)")]
    [InlineData("Military End User (MEU) List - Bureau of Industry and Security", "15 CFR 744.21(e)")]
    public void A_listed_party_without_a_policy_gets_the_list_default_from_the_data(string list, string citation)
    {
        var hit = ListedOwner(100).Screening[0] with { List = list, LicensePolicy = null };
        var line = Evaluate("DE", "2024-06-01", L40, Buyer("DE", "DE", hit));
        Assert.Equal(ReviewPolicy.PresumptionOfDenial, line.ReviewPolicy);
        var finding = line.Finding(FindingCodes.ListedPartyLicense);
        Assert.True(finding.Unconfirmed);
        Assert.Contains($"presumption of denial assumed, the policy the", finding.Message, StringComparison.Ordinal);
        Assert.Contains(citation, finding.Message, StringComparison.Ordinal);

        var engine = new LicenseEngine(WithLicensing(licensing =>
        {
            foreach (var rule in licensing["lists"]!.AsArray())
            {
                rule!["defaultReviewPolicy"] = "case-by-case";
            }
        }));
        var edited = Assert.Single(engine.Evaluate(Order("DE", "2024-06-01", L40, Buyer("DE", "DE", hit)), Day("2024-06-01"), DiffusionReading.Enforced).Lines);
        Assert.Equal(ReviewPolicy.CaseByCase, edited.ReviewPolicy);
        Assert.Contains("case by case assumed", edited.Finding(FindingCodes.ListedPartyLicense).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_rules_file_is_refused_naming_the_file_and_JSON_path()
    {
        var error = Assert.Throws<FormatException>(() => WithLicensing(licensing => licensing["affiliates"]![0]!["ownershipPercent"] = "half"));
        Assert.StartsWith("licensing.json: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("$.affiliates[0].ownershipPercent", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_rules_file_is_named()
    {
        var texts = Regulation.Files.Where(f => f != "letters.json").ToDictionary(f => f, Read);
        Assert.Equal("letters.json: the file is missing", Assert.Throws<FormatException>(() => Regulation.Load(texts)).Message);
    }
}
