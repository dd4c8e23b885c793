using System.Text.Json.Nodes;
using Clearance.Rules.Licensing;
using static Clearance.Rules.Tests.Licensing.TestRules;

namespace Clearance.Rules.Tests.Licensing;

/// <summary>Policy that used to be written in C# and is now data in data/rules/licensing.json: the shipped answers at,
/// just before and just after each edge, and an edit to the data (not to C#) changing the answer.</summary>
public sealed class PolicyDataTests
{
    static LicensingRulebook WithLicensing(Action<JsonObject> edit)
    {
        var texts = LicensingRulebook.Files.ToDictionary(f => f, Read);
        var licensing = JsonNode.Parse(texts["licensing.json"])!.AsObject();
        edit(licensing);
        texts["licensing.json"] = licensing.ToJsonString();
        return LicensingRulebook.Load(texts);
    }

    static LineDecision EvaluateWith(LicensingRulebook rules, OrderFacts order, DiffusionReading reading = DiffusionReading.Enforced) =>
        Assert.Single(new LicenseEngine(rules).Evaluate(order, order.Date, reading).Lines);

    // $.macauOrD5: a datacenter 3A090.a item to Germany (outside the D groups) needs a license only for a party
    // headquartered in Macau or D:5, from the 2023 rule's date (before it the 3A090.a entry did not exist).
    [Theory]
    [InlineData("MO", "2023-11-16", null)]
    [InlineData("MO", "2023-11-17", FindingCodes.HeadquartersRule)]
    [InlineData("MO", "2023-11-18", FindingCodes.HeadquartersRule)]
    [InlineData("VE", "2024-06-01", FindingCodes.HeadquartersRule)]
    [InlineData("CN", "2024-06-01", FindingCodes.HeadquartersRule)]
    [InlineData("HK", "2024-06-01", FindingCodes.HeadquartersRule)]
    [InlineData("SA", "2024-06-01", FindingCodes.RsOutsideScope)]
    [InlineData("DE", "2024-06-01", FindingCodes.RsOutsideScope)]
    public void A_party_headquartered_in_Macau_or_D5_brings_the_headquarters_rule(string headquarters, string date, string? code)
    {
        var line = Evaluate("DE", date, H100, Buyer("DE", headquarters));
        if (code is null)
        {
            Assert.Equal(Verdict.Hold, line.Verdict);
            Assert.True(line.Has(FindingCodes.ClassificationVintageMismatch));
            return;
        }

        Assert.True(line.Has(code));
        Assert.Equal(code == FindingCodes.HeadquartersRule, line.LicenseRequired);
    }

    // $.macauOrD5 decides who triggers the NAC notice: the destination, or a party's headquarters.
    [Theory]
    [InlineData("MO", "MO", "2024-04-03", LicenseException.Nac, true)]
    [InlineData("MO", "MO", "2024-04-04", LicenseException.Nac, true)]
    [InlineData("VN", "VN", "2024-04-04", LicenseException.Aca, false)]
    [InlineData("VN", "MO", "2024-04-04", LicenseException.Nac, true)]
    [InlineData("VN", "VE", "2024-04-05", LicenseException.Nac, true)]
    [InlineData("SA", "SA", "2024-04-05", LicenseException.Aca, false)]
    public void The_NAC_notice_follows_Macau_or_D5(string destination, string headquarters, string date, LicenseException exception, bool notice)
    {
        var line = Evaluate(destination, date, L40, Buyer(destination, headquarters));
        Assert.Equal(exception, line.Exception);
        Assert.Equal(notice, line.Has(FindingCodes.NacNotice));
    }

    [Fact]
    public void Editing_Macau_or_D5_in_the_data_changes_who_is_covered()
    {
        var withoutMacau = WithLicensing(l => l["macauOrD5"]!["countries"] = new JsonArray());
        var macauHq = EvaluateWith(withoutMacau, Order("DE", "2024-06-01", H100, Buyer("DE", "MO")));
        Assert.False(macauHq.LicenseRequired);
        Assert.True(Evaluate("DE", "2024-06-01", H100, Buyer("DE", "MO")).LicenseRequired);

        var withUae = WithLicensing(l => l["macauOrD5"]!["countries"]!.AsArray().Add("AE"));
        var uaeHq = EvaluateWith(withUae, Order("DE", "2024-06-01", H100, Buyer("DE", "AE")));
        Assert.True(uaeHq.Has(FindingCodes.HeadquartersRule));
    }

    [Fact]
    public void An_unknown_group_in_Macau_or_D5_is_refused_naming_its_path()
    {
        var error = Assert.Throws<FormatException>(() => WithLicensing(l => l["macauOrD5"]!["groups"]![0] = "D5"));
        Assert.Equal("licensing.json: $.macauOrD5.groups[0]: unknown country group 'D5'", error.Message);
    }
}
