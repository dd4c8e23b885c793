using System.Globalization;
using System.Text.Json.Nodes;
using Clearance.Licenses;
using Clearance.Rules;
using Clearance.Rules.Licensing;

namespace Clearance.Tests.Licenses;

/// <summary>The two regulation facts licenses and shipments read from data/rules/licensing.json rather than C#: the
/// NAC notice period (<c>$.nacAca.noticeDays</c>) and what counts as China and as the U.S. side for the China:U.S. volume
/// cap (<c>$.chinaCaseByCase[].destinations</c> and <c>.origin</c>). Each row runs on the shipped file or an edited copy.</summary>
public sealed class LicenseRuleDataTests
{
    static readonly string RulesDirectory = Path.Combine(AppContext.BaseDirectory, "data", "rules");

    /// <summary>The shipped rules with one edit to licensing.json, through the one loader of data/rules.</summary>
    static Regulation Rules(Action<JsonObject>? edit = null)
    {
        var texts = Regulation.Files.ToDictionary(f => f, f => File.ReadAllText(Path.Combine(RulesDirectory, f)));
        if (edit is not null)
        {
            var licensing = JsonNode.Parse(texts["licensing.json"])!.AsObject();
            edit(licensing);
            texts["licensing.json"] = licensing.ToJsonString();
        }

        return Regulation.Load(texts);
    }

    static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    static Action<JsonObject>? Edit(string edit) => edit switch
    {
        "shipped" => null,
        "cap-without-MO" => l => l["chinaCaseByCase"]![0]!["destinations"] = new JsonArray("CN"),
        "cap-origin-DE" => l => l["chinaCaseByCase"]![0]!["origin"] = "DE",
        "notice-30-days" => l => l["nacAca"]!["noticeDays"] = 30,
        "nac2023-notice-30-days" => l => l["nac2023"]!["noticeDays"] = 30,
        "confirmation-cited-elsewhere" => l => l["nacAca"]!["confirmationCitation"] = "15 CFR 740.8(c)(9) (test)",
        // An earlier version of the box (China only, from 2025-01-01) before the shipped one.
        "earlier-box" => l => l["chinaCaseByCase"]!.AsArray().Insert(0, EarlierBox(l)),
        "earlier-box-cap-before-it" => EarlierBoxCapBeforeIt,
        _ => throw new ArgumentOutOfRangeException(nameof(edit), edit, "no such edit"),
    };

    /// <summary>The earlier box, and the volume cap's scope before any version named as that box.</summary>
    static void EarlierBoxCapBeforeIt(JsonObject licensing)
    {
        licensing["chinaCaseByCase"]!.AsArray().Insert(0, EarlierBox(licensing));
        licensing["volumeCap"]!["scopeBeforeFirstVersion"] = "2025-01-01";
    }

    static JsonNode EarlierBox(JsonObject licensing)
    {
        var box = licensing["chinaCaseByCase"]![0]!.DeepClone();
        box["from"] = "2025-01-01";
        box["destinations"] = new JsonArray("CN");
        return box;
    }

    [Theory]
    [InlineData("shipped", "2026-03-01", "CN", true, "US")]
    [InlineData("shipped", "2026-03-01", "MO", true, "US")]
    [InlineData("shipped", "2026-03-01", "HK", false, "US")]
    [InlineData("shipped", "2026-03-01", "US", false, "US")]
    // Before the policy's first version the cap condition still names that rule: its first version's scope.
    [InlineData("shipped", "2025-06-01", "MO", true, "US")]
    [InlineData("cap-without-MO", "2026-03-01", "MO", false, "US")]
    [InlineData("cap-without-MO", "2026-03-01", "CN", true, "US")]
    [InlineData("cap-origin-DE", "2026-03-01", "CN", true, "DE")]
    // Before any version, the version $.volumeCap.scopeBeforeFirstVersion names (the shipped 2026-01-15 one), not the first.
    [InlineData("earlier-box", "2024-06-01", "MO", true, "US")]
    [InlineData("earlier-box", "2025-06-01", "MO", false, "US")]
    [InlineData("earlier-box-cap-before-it", "2024-06-01", "MO", false, "US")]
    public void The_volume_cap_scope_is_the_case_by_case_version_of_the_rule_data(string edit, string date, string country, bool countsAsChina, string origin)
    {
        var scope = Rules(Edit(edit)).VolumeCapScope(Day(date), DiffusionReading.Enforced);
        Assert.Equal(countsAsChina, scope.Destinations.Contains(country, StringComparer.Ordinal));
        Assert.Equal(origin, scope.Origin);
        Assert.StartsWith("91 FR 1684", scope.Citation, StringComparison.Ordinal);
    }

    // A NAC notified 2026-03-01 and valid from then, used on an order date: from the shipped 25 days it is usable on
    // 2026-03-26; with the notice period edited to 30 days not before 2026-03-31.
    [Theory]
    [InlineData("shipped", "2026-03-25", false, "2026-03-26", "25th")]
    [InlineData("shipped", "2026-03-26", true, "2026-03-26", null)]
    [InlineData("notice-30-days", "2026-03-26", false, "2026-03-31", "30th")]
    [InlineData("notice-30-days", "2026-03-31", true, "2026-03-31", null)]
    public void The_NAC_notice_period_is_the_rule_data(string edit, string orderDate, bool covered, string usableFrom, string? ordinal)
    {
        var rules = Rules(Edit(edit));
        var terms = new LicenseTerms("NAC-1", LicenseTypes.Nac, "Exporter Inc.", Day("2026-03-01"), Day("2027-03-01"), "USD",
            ["AE"], [new LicenseParty("Gulf Compute LLC", "AE")], [new LicenseTermsLine("3A090.a", 100, 1_000_000m)], [],
            Day("2026-03-01"), "STELA-1");
        var demand = new LicenseDemand(Day(orderDate), "AE", [new LicenseParty("Gulf Compute LLC", "AE")],
            [new DemandLine(0, "NVIDIA H100 SXM5 80GB", "3A090.a", true, 10, 10_000m)]);

        var coverage = Assert.Single(new LicenseMatcher(rules).Match(demand, [new BookLicense(terms, [(100, 1_000_000m)])]));

        Assert.Equal(rules.NacNotice(Day("2026-03-01")).Days, Day(usableFrom).DayNumber - Day("2026-03-01").DayNumber);
        Assert.Equal(Day(usableFrom), terms.UsableFrom(rules));
        Assert.Equal(covered, coverage.Covered);
        if (ordinal is not null)
        {
            var reason = Assert.Single(coverage.Reasons);
            Assert.Equal(CoverageCodes.NotYetValid, reason.Code);
            Assert.Contains($"from the {ordinal} calendar day", reason.Message, StringComparison.Ordinal);
            Assert.Contains(usableFrom, reason.Message, StringComparison.Ordinal);
            Assert.Contains(rules.NacNotice(Day("2026-03-01")).Citation, reason.Message, StringComparison.Ordinal);
        }
    }

    // The notice period is the NAC text's in force when the notification was registered: $.nac2023.noticeDays for a
    // notification of 2023-12-01 (through $.nac2023.until), $.nacAca.noticeDays from 2024-04-04.
    [Theory]
    [InlineData("shipped", "2023-12-01", "2023-12-26", "88 FR 73458")]
    [InlineData("nac2023-notice-30-days", "2023-12-01", "2023-12-31", "88 FR 73458")]
    [InlineData("notice-30-days", "2023-12-01", "2023-12-26", "88 FR 73458")]
    [InlineData("nac2023-notice-30-days", "2024-04-04", "2024-04-29", "89 FR 23884")]
    [InlineData("notice-30-days", "2024-04-04", "2024-05-04", "89 FR 23884")]
    public void The_NAC_notice_period_is_the_version_in_force_when_notified(string edit, string notified, string usableFrom, string citation)
    {
        var rules = Rules(Edit(edit));
        var terms = new LicenseTerms("NAC-2", LicenseTypes.Nac, "Exporter Inc.", Day(notified), Day("2027-03-01"), "USD",
            ["MO"], [new LicenseParty("Macau Compute Ltd.", "MO")], [new LicenseTermsLine("3A090.b", 100, 1_000_000m)], [],
            Day(notified), "STELA-2");

        Assert.Equal(Day(usableFrom), terms.UsableFrom(rules));
        Assert.StartsWith(citation, rules.NacNotice(Day(notified)).Citation, StringComparison.Ordinal);
        var demand = new LicenseDemand(Day(usableFrom).AddDays(-1), "MO", [new LicenseParty("Macau Compute Ltd.", "MO")],
            [new DemandLine(0, "NVIDIA L40", "3A090.b", true, 10, 10_000m)]);
        var reason = Assert.Single(Assert.Single(new LicenseMatcher(rules).Match(demand, [new BookLicense(terms, [(100, 1_000_000m)])])).Reasons);
        Assert.Contains($"that is from {usableFrom}", reason.Message, StringComparison.Ordinal);
    }

    // A NAC notification without its confirmation number cites where the number is required: $.nacAca.confirmationCitation.
    [Theory]
    [InlineData("shipped", "15 CFR 740.8(c)(2), 89 FR 23884")]
    [InlineData("confirmation-cited-elsewhere", "15 CFR 740.8(c)(9) (test)")]
    public void A_NAC_without_its_confirmation_number_cites_the_rule_data(string edit, string citation)
    {
        var rules = Rules(Edit(edit));
        var terms = new LicenseTerms("NAC-3", LicenseTypes.Nac, "Exporter Inc.", Day("2026-03-01"), Day("2027-03-01"), "USD",
            ["AE"], [new LicenseParty("Gulf Compute LLC", "AE")], [new LicenseTermsLine("3A090.a", 100, 1_000_000m)], [],
            Day("2026-03-01"), null);
        var demand = new LicenseDemand(Day("2026-04-01"), "AE", [new LicenseParty("Gulf Compute LLC", "AE")],
            [new DemandLine(0, "NVIDIA H100 SXM5 80GB", "3A090.a", true, 10, 10_000m)]);

        var reason = Assert.Single(Assert.Single(new LicenseMatcher(rules).Match(demand, [new BookLicense(terms, [(100, 1_000_000m)])])).Reasons);

        Assert.Equal(CoverageCodes.NacNotConfirmed, reason.Code);
        Assert.EndsWith($"with the export ({citation}).", reason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_volume_cap_scope_naming_no_version_is_refused_naming_its_path()
    {
        var e = Assert.Throws<FormatException>(() => Rules(l => l["volumeCap"]!["scopeBeforeFirstVersion"] = "2026-01-16"));
        Assert.Equal("licensing.json: $.volumeCap.scopeBeforeFirstVersion: 2026-01-16 starts no version of $.chinaCaseByCase", e.Message);
    }
}
