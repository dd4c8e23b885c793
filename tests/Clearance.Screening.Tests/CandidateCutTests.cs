namespace Clearance.Screening.Tests;

public sealed class CandidateCutTests
{
    const int Names = 5000;
    const int Keep = 16;

    [Theory]
    [InlineData(17)]
    [InlineData(40)]
    [InlineData(300)]
    [InlineData(2500)]
    public void Keeps_the_names_counted_most_breaking_ties_by_length_then_by_first_list_then_by_name(int reach)
    {
        var random = new Random(reach);

        // Few distinct lengths, so that names tie on count and length alike and the later keys decide too.
        var lengths = Enumerable.Range(0, Names).Select(_ => random.Next(8, 12)).ToArray();
        var counter = new CandidateCounter(lengths);
        var cut = 0;
        var tiesAtTheCut = 0;
        for (var query = 0; query < 300; query++)
        {
            // Few distinct counts and many names per count, so the cut often falls inside a group of equal counts.
            var lists = random.Next(4, 30);
            counter.Start(4, 4 * lists);
            var plainCount = new int[Names];
            var firstList = new int[Names];
            for (var list = 0; list < lists; list++)
            {
                var postings = Enumerable.Range(0, Names).Where(_ => random.Next(Names) < reach).ToArray();
                var weight = random.Next(3) == 0 ? 4 : 1;
                counter.Touch(postings, list, weight);
                foreach (var n in postings)
                {
                    firstList[n] = plainCount[n] == 0 ? list : firstList[n];
                    plainCount[n] += weight;
                }
            }

            var reached = Enumerable.Range(0, Names).Where(n => plainCount[n] >= 4).ToHashSet();
            var all = new List<int>();
            counter.Collect(all);
            Assert.True(reached.SetEquals(all) && all.Count == reached.Count, "every name reaching the count, once");
            AssertInOrder(all, (a, b) => (firstList[a], a).CompareTo((firstList[b], b)) < 0, "first list, then name");

            // Beyond the number kept, the rule: the highest counts, ties broken by length, then first list, then name.
            bool Ranks(int a, int b) => plainCount[a] != plainCount[b] ? plainCount[a] > plainCount[b]
                : lengths[a] != lengths[b] ? lengths[a] < lengths[b]
                : firstList[a] != firstList[b] ? firstList[a] < firstList[b] : a < b;
            var kept = new List<int>();
            counter.Collect(kept, Keep);
            if (reached.Count <= Keep)
            {
                Assert.Equal(all, kept);
            }
            else
            {
                Assert.Equal(Keep, kept.Count);
                Assert.True(kept.All(reached.Contains) && kept.Distinct().Count() == Keep, "kept names are distinct names reached");
                AssertInOrder(kept, Ranks, "count, then length, then first list, then name");
                var last = kept[^1];
                var left = reached.Except(kept).ToList();
                Assert.All(left, n => Assert.True(Ranks(last, n), $"name {n} left out ranks before kept name {last}"));
                cut++;
                tiesAtTheCut += left.Any(n => plainCount[n] == plainCount[last]) ? 1 : 0;
            }

            counter.Clear();
        }

        Assert.True(cut >= 100, $"only {cut} of 300 queries had more candidates than are kept");
        Assert.True(tiesAtTheCut >= 50, $"only {tiesAtTheCut} queries had a tie across the cut");
    }

    /// <summary>Each name comes strictly before the next one by <paramref name="before"/>.</summary>
    static void AssertInOrder(List<int> names, Func<int, int, bool> before, string rule)
    {
        for (var i = 1; i < names.Count; i++)
        {
            Assert.True(before(names[i - 1], names[i]), $"{names[i - 1]} then {names[i]} breaks the order by {rule}");
        }
    }

    [Fact]
    public void Of_two_names_with_equal_counts_and_lengths_keeps_the_one_met_in_an_earlier_list_whatever_their_numbers()
    {
        var counter = new CandidateCounter(new int[100]);
        counter.Start(1, 7);
        counter.Touch([90], 0, 2);
        counter.Touch([5, 7, 9], 1, 2);
        counter.Touch([50, 60], 2, 3);
        var kept = new List<int>();
        counter.Collect(kept, 3);
        Assert.Equal([50, 60, 90], kept);
    }

    [Fact]
    public void Of_two_names_with_equal_counts_keeps_the_shorter_whatever_list_met_it_first()
    {
        // Name 7 is the longer (a subsidiary's name holding its parent's), met first; name 90 the shorter parent.
        var lengths = new int[100];
        Array.Fill(lengths, 20);
        lengths[7] = 45;
        lengths[90] = 30;
        var counter = new CandidateCounter(lengths);
        counter.Start(1, 8);
        counter.Touch([7, 50], 0, 4);
        counter.Touch([90], 1, 4);
        counter.Touch([60], 2, 3);
        var kept = new List<int>();
        counter.Collect(kept, 2);
        Assert.Equal([50, 90], kept);
    }
}
