namespace Clearance.Screening.Tests;

public sealed class ScreeningIndexQualityTests
{
    static readonly ScreeningIndex Index = ScreeningIndex.Build(
    [
        new ListEntry { Id = "1", Name = "Marlow Stone Ltd", Type = PartyType.Entity, List = "test", ListVersion = "test" },
        new ListEntry { Id = "2", Name = "Marlow Stone Trading", Type = PartyType.Unknown, List = "test", ListVersion = "test" },
        new ListEntry { Id = "3", Name = "KIM, Jong Un", Type = PartyType.Individual, List = "test", ListVersion = "test" },
    ]);

    static ScreeningMatch Find(string name, PartyType type, string id) =>
        Index.Screen(new ScreeningQuery(name, Type: type), top: 5).Single(m => m.Entry.Id == id);

    [Fact]
    public void Lowers_a_person_matched_to_a_listed_organisation_and_says_so()
    {
        var asPerson = Find("Marlow Stones", PartyType.Individual, "1");
        var unstated = Find("Marlow Stones", PartyType.Unknown, "1");
        Assert.Equal(Math.Round(unstated.Score * 0.9, 4), asPerson.Score, 3);
        Assert.Contains("listed as an organisation", asPerson.Explanation, StringComparison.Ordinal);
        Assert.DoesNotContain("listed as an organisation", unstated.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Does_not_lower_an_exact_name_whatever_the_type() =>
        Assert.Equal(1.0, Find("Marlow Stone Ltd", PartyType.Individual, "1").Score);

    [Fact]
    public void Finds_a_listed_Korean_name_from_the_name_written_in_Han()
    {
        var match = Find("金正恩", PartyType.Individual, "3");
        Assert.True(match.Score >= ScreeningDefaults.Threshold, match.Explanation);
    }
}
