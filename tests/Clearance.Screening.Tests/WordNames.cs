namespace Clearance.Screening.Tests;

/// <summary>Names made of two to four words of the evaluation set's names, drawn by a seeded generator: many names that
/// share words, as a large list's do.</summary>
sealed class WordNames(int seed)
{
    static readonly List<string> Words = SimpleCsv.Read("name_bench_cases.csv").SelectMany(c => (c["name1"] + " " + c["name2"]).Split(' '))
        .Where(w => w.Length >= 3).Distinct(StringComparer.Ordinal).ToList();

    readonly Random _random = new(seed);

    /// <summary>The next name.</summary>
    public string Next() => string.Join(' ', Enumerable.Range(0, _random.Next(2, 5)).Select(_ => Words[_random.Next(Words.Count)]));

    /// <summary>Entries of list "test" numbered from "e0": every third with an alias, entities and individuals in turn.</summary>
    public List<ListEntry> Entries(int count, string version) => [.. Enumerable.Range(0, count).Select(i => new ListEntry
    {
        Id = "e" + i, Name = Next(), Aliases = i % 3 == 0 ? [Next()] : [], List = "test", ListVersion = version,
        Type = i % 2 == 0 ? PartyType.Entity : PartyType.Individual,
    })];
}
