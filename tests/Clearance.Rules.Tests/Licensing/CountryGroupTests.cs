using System.Text.Json;
using Clearance.Rules.Licensing;
using static Clearance.Rules.Tests.Licensing.TestRules;

namespace Clearance.Rules.Tests.Licensing;

public sealed class CountryGroupTests
{
    static readonly CountryGroups Groups = TestRules.Regulation.CountryGroups;

    [Theory]
    [InlineData(CountryGroupId.D1, "2026-07-23", "AM AZ BY CN GE IQ KG KH KP KZ LA LY MD MM MN MO NI RU TJ TM UZ VE VN YE")]
    [InlineData(CountryGroupId.D4, "2026-07-23", "BH BY CN EG IL IQ IR JO KP KW LB LY MO OM PK QA RU SA SY VE YE")]
    [InlineData(CountryGroupId.D4, "2026-07-09", "AE BH BY CN EG IL IQ IR JO KP KW LB LY MO OM PK QA RU SA SY VE YE")]
    [InlineData(CountryGroupId.D5, "2026-07-23", "AF BY CD CF CN CU ER HT IQ IR KP LB LY MM NI RU SD SO SS SY VE ZW")]
    [InlineData(CountryGroupId.A5, "2026-07-10", "AE AR AT AU BE BG CA CH CZ DE DK EE ES FI FR GB GR HR HU IE IN IS IT JP KR LT LU LV NL NO NZ PL PT RO SE SI SK TR")]
    [InlineData(CountryGroupId.A5, "2026-07-09", "AR AT AU BE BG CA CH CZ DE DK EE ES FI FR GB GR HR HU IE IN IS IT JP KR LT LU LV NL NO NZ PL PT RO SE SI SK TR")]
    [InlineData(CountryGroupId.A6, "2026-07-23", "AL CY IL MT MX SG TW ZA")]
    [InlineData(CountryGroupId.E1, "2026-07-23", "IR KP SY")]
    [InlineData(CountryGroupId.E2, "2026-07-23", "CU")]
    public void Country_group_has_the_members_of_the_eCFR_on_the_date(CountryGroupId group, string date, string members) =>
        Assert.Equal(members.Split(' '), Groups.Members(group, Day(date)));

    [Fact]
    public void Macau_is_named_beside_D5_but_is_not_a_member()
    {
        Assert.False(Groups.IsMember(CountryGroupId.D5, "MO", Day("2026-01-01")));
        Assert.True(Groups.IsMember(CountryGroupId.D1, "MO", Day("2026-01-01")));
    }

    [Fact]
    public void Hong_Kong_is_treated_as_China()
    {
        var (country, citation) = Groups.Resolve("HK", Day("2024-06-01"));
        Assert.Equal("CN", country);
        Assert.Contains("85 FR 83788", citation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-07-09", 46)]
    [InlineData("2026-07-10", 45)]
    public void Advanced_computing_scope_counts_the_D_groups_less_A5_and_A6(string date, int expected)
    {
        using var iso = JsonDocument.Parse(Read("iso3166-1.json"));
        var licensed = iso.RootElement.GetProperty("countries").EnumerateArray()
            .Select(c => c.GetProperty("alpha2").GetString()!)
            .Where(c => c is not "HK")
            .Count(c => Evaluate(c, date, L40 with { Item = "3A090.b part" }).Has(FindingCodes.RsAdvancedComputing)
                && !Evaluate(c, date, L40).Has(FindingCodes.UaeCharts));
        Assert.Equal(expected, licensed);
    }

    [Fact]
    public void Israel_is_removed_from_the_scope_by_A6()
    {
        Assert.True(Groups.IsMember(CountryGroupId.D4, "IL", Day("2024-06-01")));
        Assert.True(Evaluate("IL", "2024-06-01", H100).Has(FindingCodes.RsOutsideScope));
    }

    [Fact]
    public void Countries_with_unconfirmed_history_are_flagged()
    {
        var line = Evaluate("KH", "2024-06-01", H100);
        Assert.True(line.Finding(FindingCodes.CountryGroupUnconfirmed).Unconfirmed);
    }
}
