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
    public void Keeps_the_same_candidates_in_the_same_order_as_sorting_the_names_by_their_counts(int reach)
    {
        var random = new Random(reach);
        var counter = new CandidateCounter(Names);
        var cut = 0;
        for (var query = 0; query < 300; query++)
        {
            // Few distinct counts and many names per count: the ties an unstable sort may permute either way.
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

            var all = new List<int>();
            counter.Collect(all);
            Assert.Equal(Enumerable.Range(0, Names).Where(n => plainCount[n] >= 4).OrderBy(n => firstList[n]).ThenBy(n => n), all);
            // What the index did before: sort all of them by count when there are more than it keeps.
            var expected = new List<int>(all);
            if (expected.Count > Keep)
            {
                cut++;
                expected.Sort((a, b) => counter.Count(b).CompareTo(counter.Count(a)));
            }

            var kept = new List<int>();
            counter.Collect(kept, Keep);

            Assert.Equal(expected.Take(Keep), kept);
            Assert.True(all.Count <= Keep || all.GroupBy(counter.Count).Any(g => g.Count() > 1), "the data has no ties to permute");
            counter.Clear();
        }

        Assert.True(cut >= 100, $"only {cut} of 300 queries had more candidates than are kept");
    }
}
