using System.Globalization;
using System.Text.Json.Nodes;
using Clearance.Licenses;
using Clearance.Rules.Licensing;

namespace Clearance.Tests.Licenses;

/// <summary>The two regulation facts licenses and shipments read from data/rules/licensing.json rather than C#: the
/// NAC notice period (<c>$.nacAca.noticeDays</c>) and what counts as China and as the U.S. side for the China:U.S. volume
/// cap (<c>$.chinaCaseByCase[].destinations</c> and <c>.origin</c>). Each row runs on the shipped file or an edited copy.</summary>
public sealed class LicenseRuleDataTests
{
    static readonly string RulesDirectory = Path.Combine(AppContext.BaseDirectory, "data", "rules");

    /// <summary>The shipped rules with one edit to licensing.json, through the one loader of data/rules.</summary>
    static LicensingRulebook Rules(Action<JsonObject>? edit = null)
    {
        var texts = LicensingRulebook.Files.ToDictionary(f => f, f => File.ReadAllText(Path.Combine(RulesDirectory, f)));
        if (edit is not null)
        {
            var licensing = JsonNode.Parse(texts["licensing.json"])!.AsObject();
            edit(licensing);
            texts["licensing.json"] = licensing.ToJsonString();
        }

        return LicensingRulebook.Load(texts);
    }

    static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    static Action<JsonObject>? Edit(string edit) => edit switch
    {
        "shipped" => null,
        "cap-without-MO" => l => l["chinaCaseByCase"]![0]!["destinations"] = new JsonArray("CN"),
        "cap-origin-DE" => l => l["chinaCaseByCase"]![0]!["origin"] = "DE",
        "notice-30-days" => l => l["nacAca"]!["noticeDays"] = 30,
        _ => throw new ArgumentOutOfRangeException(nameof(edit), edit, "no such edit"),
    };

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

        Assert.Equal(rules.NacNoticeDays, Day(usableFrom).DayNumber - Day("2026-03-01").DayNumber);
        Assert.Equal(Day(usableFrom), terms.UsableFrom(rules.NacNoticeDays));
        Assert.Equal(covered, coverage.Covered);
        if (ordinal is not null)
        {
            var reason = Assert.Single(coverage.Reasons);
            Assert.Equal(CoverageCodes.NotYetValid, reason.Code);
            Assert.Contains($"from the {ordinal} calendar day", reason.Message, StringComparison.Ordinal);
            Assert.Contains(usableFrom, reason.Message, StringComparison.Ordinal);
            Assert.Contains(rules.NacNoticeCitation, reason.Message, StringComparison.Ordinal);
        }
    }
}
