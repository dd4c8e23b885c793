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
    public void A_person_resembling_a_listed_organisation_scores_lower_than_an_unstated_type_and_says_why()
    {
        var asPerson = Find("Marlow Stones", PartyType.Individual, "1");
        var asOrganisation = Find("Marlow Stones", PartyType.Entity, "1");
        var unstated = Find("Marlow Stones", PartyType.Unknown, "1");

        Assert.True(asPerson.Score < unstated.Score, $"{asPerson.Score} as a person, {unstated.Score} unstated");
        Assert.Contains("screened as a person, listed as an organisation", asPerson.Explanation, StringComparison.Ordinal);
        Assert.Equal(unstated.Score, asOrganisation.Score);
        Assert.DoesNotContain("listed as an organisation", unstated.Explanation, StringComparison.Ordinal);
        Assert.DoesNotContain("listed as an organisation", asOrganisation.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void An_organisation_resembling_a_listed_person_scores_lower_than_an_unstated_type_and_says_why()
    {
        var asOrganisation = Find("Kim Jong Eun", PartyType.Entity, "3");
        var asPerson = Find("Kim Jong Eun", PartyType.Individual, "3");
        var unstated = Find("Kim Jong Eun", PartyType.Unknown, "3");

        Assert.True(asOrganisation.Score < unstated.Score, $"{asOrganisation.Score} as an organisation, {unstated.Score} unstated");
        Assert.Contains("screened as an organisation, listed as a person", asOrganisation.Explanation, StringComparison.Ordinal);
        Assert.Equal(unstated.Score, asPerson.Score);
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

    [Fact]
    public void Finds_a_parent_whose_name_its_many_listed_subsidiaries_contain_from_a_variant_of_that_name()
    {
        // More subsidiaries than candidates are kept, on a list counted first; each one's name holds the parent's, so a
        // variant of the parent's name shares as many letters with each of them as with the parent.
        var entries = Enumerable.Range(1, 30)
            .Select(k => new ListEntry { Id = $"unit-{k}", Name = $"Quarry Marine Engineering Corporation {k}th Academy {700 + k} Institute", List = "a-list", ListVersion = "test" })
            .Append(new ListEntry { Id = "parent", Name = "Quarry Marine Engineering Corporation", List = "b-list", ListVersion = "test" })
            .ToList();
        var index = ScreeningIndex.Build(entries);

        var best = index.Screen(new ScreeningQuery("Quarry Marine Engineering Group Corporation Limited"), top: 1).Single();

        Assert.Equal("parent", best.Entry.Id);
        Assert.True(best.Score >= ScreeningDefaults.Threshold, best.Explanation);
    }
}
