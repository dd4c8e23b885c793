using System.Text;

namespace Clearance.Screening;

/// <summary>Phonetic keys: consonant skeletons for abjad transliterations and Korean romanisation folding.</summary>
static class Phonetics
{
    /// <summary>Consonants only, similar ones merged, repeats collapsed ("mohamed" and "mhmd" both give "mhmt").</summary>
    public static string Skeleton(string token)
    {
        var sb = new StringBuilder(token.Length);
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

            sb.Append(c);
            last = c;
        }

        return sb.ToString();
    }

    /// <summary>Folds Revised Romanization and McCune-Reischauer-style spellings to one form ("jeong" = "jong" = "jung").</summary>
    public static string KoreanFold(string token)
    {
        var s = token.Replace("eo", "o", StringComparison.Ordinal).Replace("eu", "u", StringComparison.Ordinal)
            .Replace("oo", "u", StringComparison.Ordinal).Replace("ee", "i", StringComparison.Ordinal)
            .Replace("ae", "e", StringComparison.Ordinal).Replace("sh", "s", StringComparison.Ordinal)
            .Replace('u', 'o');
        if (s.Length > 0)
        {
            s = s[0] switch
            {
                'g' => "k" + s[1..],
                'b' => "p" + s[1..],
                'd' => "t" + s[1..],
                'r' => "l" + s[1..],
                _ => s,
            };
        }

        return s;
    }
}
