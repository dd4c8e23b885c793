namespace Clearance.Screening.Tests;

public sealed class CandidateCountingTests
{
    // "zqxwvk" has four rare trigrams, so a candidate needs two of them. "zqx" is the most common of the four (every filler
    // name has it), so it is one of the lists that only add to names found in another list: "Zqxwpp" shares it and "qxw".
    static readonly ScreeningIndex Index = ScreeningIndex.Build(
    [
        new ListEntry { Id = "target", Name = "Zqxwpp", List = "test", ListVersion = "test" },
        .. "abcdefghij".Select(c => new ListEntry { Id = "filler-" + c, Name = "Zqx" + c + c, List = "test", ListVersion = "test" }),
    ]);

    [Fact]
    public void Counts_a_hit_in_the_most_common_trigram_towards_a_name_found_by_another_trigram()
    {
        var matches = Index.Screen(new ScreeningQuery("Zqxwvk"), top: 20);
        Assert.Contains(matches, m => m.Entry.Id == "target");
    }

    [Fact]
    public void Does_not_make_a_candidate_of_a_name_sharing_only_the_most_common_trigram()
    {
        var matches = Index.Screen(new ScreeningQuery("Zqxwvk"), top: 20);
        Assert.DoesNotContain(matches, m => m.Entry.Id.StartsWith("filler-", StringComparison.Ordinal));
    }

    [Fact]
    public void Screens_the_same_query_the_same_way_every_time()
    {
        var first = Index.Screen(new ScreeningQuery("Zqxwvk"), top: 20);
        for (var i = 0; i < 5000; i++)
        {
            Index.Screen(new ScreeningQuery(i % 2 == 0 ? "Zqxaa Zqxbb" : "Qxwpp"), top: 3);
        }

        var again = Index.Screen(new ScreeningQuery("Zqxwvk"), top: 20);
        Assert.Equal(first.Select(m => (m.Entry.Id, m.Score)), again.Select(m => (m.Entry.Id, m.Score)));
    }

    [Fact]
    public void Counting_the_long_lists_only_for_names_found_elsewhere_gives_the_candidates_and_results_of_a_plain_count()
    {
        // Many names made of the words of the evaluation set's names, so that queries often find more candidates than
        // are kept and the shortcut (lists left that cannot change which names are kept) comes into play.
        var names = new WordNames(7);
        string Name() => names.Next();
        var entries = names.Entries(6000, "test");
        var shortcut = ScreeningIndex.Build(entries);
        var plain = ScreeningIndex.Build(entries);
        plain.CountEveryList = true;

        var queries = Enumerable.Range(0, 1500).Select(_ => Name()).Concat(entries.Take(300).Select(e => e.Name + " Trading")).ToList();
        var cut = 0;
        foreach (var query in queries)
        {
            foreach (var reading in NameNormalizer.Normalize(query, PartyType.Unknown))
            {
                var expected = plain.CandidatesOf(reading);
                var actual = shortcut.CandidatesOf(reading);
                Assert.True(expected.ToHashSet().SetEquals(actual) && expected.Count == actual.Count,
                    $"'{query}': candidates {string.Join(',', actual.Order())} instead of {string.Join(',', expected.Order())}");
                cut += expected.Count >= 16 ? 1 : 0;
            }

            var a = shortcut.Screen(new ScreeningQuery(query), top: 3);
            var b = plain.Screen(new ScreeningQuery(query), top: 3);
            Assert.Equal(b.Select(m => (m.Entry.Id, m.MatchedName, m.Score, m.Explanation)), a.Select(m => (m.Entry.Id, m.MatchedName, m.Score, m.Explanation)));
        }

        Assert.True(cut >= 300, $"only {cut} readings had as many candidates as are kept");
    }
}
