namespace Clearance.Screening.Tests;

public sealed class IndexReuseTests
{
    [Fact]
    public void An_index_built_from_the_one_in_use_shares_the_names_written_and_typed_alike_and_screens_as_one_built_afresh()
    {
        var names = new WordNames(11);
        string Name() => names.Next();
        var before = names.Entries(3000, "v1");
        // The next version: 100 names changed, 100 entries typed otherwise under the same names, 200 new entries, the rest
        // as they were (new objects, as a list read again gives them).
        List<ListEntry> after = [.. before.Select((e, i) => new ListEntry
        {
            Id = e.Id, Aliases = e.Aliases, List = e.List, ListVersion = "v2",
            Name = i % 30 == 1 ? Name() : e.Name,
            Type = i % 30 == 2 ? PartyType.Unknown : e.Type,
        }),
        .. Enumerable.Range(0, 200).Select(i => new ListEntry { Id = "n" + i, Name = Name(), List = "test", ListVersion = "v2" })];

        var previous = ScreeningIndex.Build(before);
        var reused = ScreeningIndex.Build(after, previous: previous);
        var afresh = ScreeningIndex.Build(after);

        // Shared exactly where the written name and its entry's type were indexed before.
        var known = Enumerable.Range(0, previous.NameCount).Select(previous.NameAt)
            .ToDictionary(n => (n.Written, previous.Entries[n.Entry].Type), n => n.Normalized);
        var shared = 0;
        for (var n = 0; n < reused.NameCount; n++)
        {
            var name = reused.NameAt(n);
            var expected = known.TryGetValue((name.Written, after[name.Entry].Type), out var same);
            Assert.Equal(expected, ReferenceEquals(same, name.Normalized));
            shared += expected ? 1 : 0;
        }

        Assert.InRange(shared, reused.NameCount * 8 / 10, reused.NameCount - 300);
        Assert.Equal(afresh.NameCount, reused.NameCount);

        var queries = Enumerable.Range(0, 600).Select(_ => Name()).Concat(after.Take(200).Select(e => e.Name + " Trading")).ToList();
        foreach (var query in queries)
        {
            Assert.Equal(
                afresh.Screen(new ScreeningQuery(query), top: 10).Select(m => (m.Entry.Id, m.MatchedName, m.Score, m.Explanation)),
                reused.Screen(new ScreeningQuery(query), top: 10).Select(m => (m.Entry.Id, m.MatchedName, m.Score, m.Explanation)));
        }
    }
}
