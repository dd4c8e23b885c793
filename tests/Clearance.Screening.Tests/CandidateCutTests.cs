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
    public void Keeps_the_names_counted_most_breaking_ties_by_first_list_then_by_name(int reach)
    {
        var random = new Random(reach);
        var counter = new CandidateCounter(Names);
        var cut = 0;
        var tiesAtTheCut = 0;
        for (var query = 0; query < 300; query++)
        {
            // Few distinct counts and many names per count, so the cut often falls inside a group of equal counts.
            counter.Start(4);
            var lists = random.Next(4, 30);
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

            var reached = Enumerable.Range(0, Names).Where(n => plainCount[n] >= 4).ToList();
            var all = new List<int>();
            counter.Collect(all);
            Assert.Equal(reached.OrderBy(n => firstList[n]).ThenBy(n => n), all);

            // Up to the number kept, all in first-list order; beyond it the rule, written out as a comparison of three keys: no
            // two names compare equal, so no sort's tie order matters.
            var expected = new List<int>(all);
            if (reached.Count > Keep)
            {
                expected.Sort((a, b) => plainCount[a] != plainCount[b] ? plainCount[b].CompareTo(plainCount[a])
                    : firstList[a] != firstList[b] ? firstList[a].CompareTo(firstList[b]) : a.CompareTo(b));
            }

            var kept = new List<int>();
            counter.Collect(kept, Keep);
            Assert.Equal(expected.Take(Keep), kept);
            if (reached.Count > Keep)
            {
                cut++;
                var last = plainCount[expected[Keep - 1]];
                tiesAtTheCut += plainCount[expected[Keep]] == last ? 1 : 0;
            }

            counter.Clear();
        }

        Assert.True(cut >= 100, $"only {cut} of 300 queries had more candidates than are kept");
        Assert.True(tiesAtTheCut >= 50, $"only {tiesAtTheCut} queries had a tie across the cut");
    }

    [Fact]
    public void Of_two_names_with_equal_counts_keeps_the_one_met_in_an_earlier_list_whatever_their_numbers()
    {
        var counter = new CandidateCounter(100);
        counter.Start(1);
        counter.Touch([90], 0, 2);
        counter.Touch([5, 7, 9], 1, 2);
        counter.Touch([50, 60], 2, 3);
        var kept = new List<int>();
        counter.Collect(kept, 3);
        Assert.Equal([50, 60, 90], kept);
    }
}
