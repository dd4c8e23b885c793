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
    public void Lowers_a_person_matched_to_a_listed_organisation_by_the_factor_it_states()
    {
        var asPerson = Find("Marlow Stones", PartyType.Individual, "1");
        var unstated = Find("Marlow Stones", PartyType.Unknown, "1");
        var stated = System.Text.RegularExpressions.Regex.Match(asPerson.Explanation, @"; x([0-9.]+) screened as a person, listed as an organisation");
        Assert.True(stated.Success, asPerson.Explanation);
        var factor = double.Parse(stated.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(factor, 0.5, 0.99);
        Assert.Equal(unstated.Score * factor, asPerson.Score, 3);
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

    [Fact]
    public void Ranks_equal_scores_by_list_then_by_entry_id_whatever_the_order_the_entries_were_loaded_in()
    {
        ListEntry Entry(string list, string id) => new() { Id = id, Name = "Quarry Holdings", List = list, ListVersion = "test" };
        var entries = new[] { Entry("b-list", "7"), Entry("a-list", "9"), Entry("b-list", "10"), Entry("a-list", "12") };
        string[] expected = ["a-list/12", "a-list/9", "b-list/10", "b-list/7"];
        foreach (var order in new[] { entries, entries.Reverse().ToArray(), [entries[2], entries[0], entries[3], entries[1]] })
        {
            var matches = ScreeningIndex.Build(order).Screen(new ScreeningQuery("Quarry Holdings"), top: 4);
            Assert.All(matches, m => Assert.Equal(1.0, m.Score));
            Assert.Equal(expected, matches.Select(m => m.Entry.List + "/" + m.Entry.Id));
        }
    }

    [Fact]
    public void Ranks_an_entry_matched_on_a_written_name_before_equal_scores_matched_on_a_derived_acronym()
    {
        var index = ScreeningIndex.Build(
        [
            new ListEntry { Id = "1", Name = "Quarry Aerospace Research Group (QARG) 3rd Academy", List = "a-list", ListVersion = "test" },
            new ListEntry { Id = "2", Name = "Quarry Aerospace Research Group (QARG) 4th Academy", List = "a-list", ListVersion = "test" },
            new ListEntry { Id = "3", Name = "Quarry Aerospace Research Group", Aliases = ["QARG"], List = "b-list", ListVersion = "test" },
        ]);
        var matches = index.Screen(new ScreeningQuery("QARG"), top: 3);
        Assert.All(matches, m => Assert.Equal(1.0, m.Score));
        Assert.Equal(["3", "1", "2"], matches.Select(m => m.Entry.Id));
    }
}
