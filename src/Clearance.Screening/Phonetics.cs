using System.Runtime.CompilerServices;

namespace Clearance.Screening;

/// <summary>Phonetic keys: consonant skeletons for abjad transliterations and Korean romanisation folding.</summary>
static class Phonetics
{
    const int MemoSize = 256;

    // The scorer asks for the key of the same query token once per candidate pair, and of the same listed tokens across
    // queries: each thread remembers recent answers by the token's identity (same string object, same answer).
    [ThreadStatic]
    static Memo? _memo;

    /// <summary>Consonants only, similar ones merged, repeats collapsed ("mohamed" and "mhmd" both give "mhmt").</summary>
    public static string Skeleton(string token)
    {
        var memo = _memo ??= new Memo();
        var slot = RuntimeHelpers.GetHashCode(token) & (MemoSize - 1);
        if (ReferenceEquals(memo.SkeletonOf[slot], token))
        {
            return memo.Skeletons[slot];
        }

        var skeleton = ComputeSkeleton(token);
        memo.SkeletonOf[slot] = token;
        memo.Skeletons[slot] = skeleton;
        return skeleton;
    }

    /// <summary>Folds Revised Romanization and McCune-Reischauer-style spellings to one form ("jeong" = "jong" = "jung").</summary>
    public static string KoreanFold(string token)
    {
        var memo = _memo ??= new Memo();
        var slot = RuntimeHelpers.GetHashCode(token) & (MemoSize - 1);
        if (ReferenceEquals(memo.FoldOf[slot], token))
        {
            return memo.Folds[slot];
        }

        var fold = ComputeKoreanFold(token);
        memo.FoldOf[slot] = token;
        memo.Folds[slot] = fold;
        return fold;
    }

    static string ComputeSkeleton(string token)
    {
        Span<char> buffer = token.Length <= 128 ? stackalloc char[token.Length] : new char[token.Length];
        var at = 0;
        var last = '\0';
        foreach (var ch in token)
        {
            var c = ch switch
            {
                'a' or 'e' or 'i' or 'o' or 'u' or 'y' or 'w' => '\0',
                'd' => 't',
                'q' or 'g' or 'c' => 'k',
                'z' => 's',
                'p' => 'b',
                'v' => 'f',
                _ => ch,
            };
            if (c == '\0' || c == last)
            {
                continue;
            }

            buffer[at++] = c;
            last = c;
        }

        return new string(buffer[..at]);
    }

    /// <remarks>The replacements apply one after the other, each left to right without overlaps, as chained
    /// <see cref="string.Replace(string, string, StringComparison)"/> calls would; done in one buffer, one string out.</remarks>
    static string ComputeKoreanFold(string token)
    {
        Span<char> buffer = token.Length <= 128 ? stackalloc char[token.Length] : new char[token.Length];
        token.CopyTo(buffer);
        var length = token.Length;
        length = Replace(buffer, length, 'e', 'o', 'o');
        length = Replace(buffer, length, 'e', 'u', 'u');
        length = Replace(buffer, length, 'o', 'o', 'u');
        length = Replace(buffer, length, 'e', 'e', 'i');
        length = Replace(buffer, length, 'a', 'e', 'e');
        length = Replace(buffer, length, 's', 'h', 's');
        var s = buffer[..length];
        s.Replace('u', 'o');
        if (length > 0)
        {
            s[0] = s[0] switch
            {
                'g' => 'k',
                'b' => 'p',
                'd' => 't',
                'r' => 'l',
                _ => s[0],
            };
        }

        return s.SequenceEqual(token) ? token : new string(s);
    }

    /// <summary>Replaces each pair <paramref name="first"/><paramref name="second"/> by <paramref name="by"/>, left to right.</summary>
    static int Replace(Span<char> text, int length, char first, char second, char by)
    {
        var to = 0;
        for (var from = 0; from < length; from++)
        {
            if (text[from] == first && from + 1 < length && text[from + 1] == second)
            {
                text[to++] = by;
                from++;
            }
            else
            {
                text[to++] = text[from];
            }
        }

        return to;
    }

    sealed class Memo
    {
        public string?[] SkeletonOf { get; } = new string?[MemoSize];
        public string[] Skeletons { get; } = new string[MemoSize];
        public string?[] FoldOf { get; } = new string?[MemoSize];
        public string[] Folds { get; } = new string[MemoSize];
    }
}
