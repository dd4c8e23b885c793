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
}
