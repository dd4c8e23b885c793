namespace Clearance.Screening.Tests;

public sealed class EditDistanceTests
{
    [Fact]
    public void Gives_the_full_table_distance_or_one_past_the_bound_for_random_words()
    {
        var random = new Random(11);
        // A small alphabet makes near words (one or two edits, transpositions) common; 'A', 'ḁ' and 'Ł' share their
        // value modulo 64, so the bound's shortcut sees them as one character.
        const string alphabet = "abcdeAḁŁ1";
        var near = 0;
        for (var trial = 0; trial < 20000; trial++)
        {
            var a = Word(random, alphabet, random.Next(1, 12));
            var b = trial % 2 == 0 ? Mutate(random, a, alphabet) : Word(random, alphabet, random.Next(1, 12));
            var bound = random.Next(0, 4);
            var full = FullTable(a, b);
            near += full is > 0 and <= 3 ? 1 : 0;
            Assert.Equal(Math.Min(full, bound + 1), EditDistance.Bounded(a, b, bound));
        }

        Assert.True(near > 5000, $"only {near} pairs within three edits");
    }

    static string Word(Random random, string alphabet, int length) =>
        new([.. Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)])]);

    static string Mutate(Random random, string word, string alphabet)
    {
        var chars = word.ToList();
        for (var edit = random.Next(0, 4); edit > 0; edit--)
        {
            var at = random.Next(chars.Count);
            switch (random.Next(4))
            {
                case 0:
                    chars[at] = alphabet[random.Next(alphabet.Length)];
                    break;
                case 1:
                    chars.Insert(at, alphabet[random.Next(alphabet.Length)]);
                    break;
                case 2 when chars.Count > 1:
                    chars.RemoveAt(at);
                    break;
                default:
                    if (at + 1 < chars.Count)
                    {
                        (chars[at], chars[at + 1]) = (chars[at + 1], chars[at]);
                    }

                    break;
            }
        }

        return new string([.. chars]);
    }

    /// <summary>Optimal string alignment over the whole table, no band and no early exit.</summary>
    static int FullTable(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
