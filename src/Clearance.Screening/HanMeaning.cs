using System.Text;

namespace Clearance.Screening;

/// <summary>
/// Organisation names written in Han read by meaning: the name is split into the longest words of an embedded
/// Chinese–English lexicon of institutional and company vocabulary and brand names (Resources/han-meaning.txt, generated
/// by tools/screening-han from CC-CEDICT), ordinals are written as English ordinals (第十四研究所 = 14th research institute),
/// and what the lexicon lacks stays in Han, to be read in pinyin. The English lists translate these names rather than
/// transliterate them (国防科技大学 = National University of Defense Technology).
/// </summary>
static class HanMeaning
{
    /// <summary>At most this many readings taking every word's alternatives in step (all first, all second, all third).</summary>
    const int MaxInStep = 3;

    /// <summary>At most this many readings in all: those in step, then one word at a time at another alternative.</summary>
    const int MaxReadings = 8;

    static readonly Dictionary<string, string[]> Words = Load();
    static readonly int LongestWord = Words.Keys.Max(k => k.Length);

    // Words after an ordinal that name what is numbered (第十四研究所, 第三研究院, 第七一一所, 第二〇一厂).
    static readonly string[] Numbered = ["研究所", "研究院", "所", "院", "厂", "廠"];

    /// <summary>How many words the lexicon holds (loading it on first use).</summary>
    public static int WordCount => Words.Count;

    static Dictionary<string, string[]> Load()
    {
        using var stream = typeof(HanMeaning).Assembly.GetManifestResourceStream("Clearance.Screening.han-meaning.txt")
            ?? throw new InvalidOperationException("The embedded Han lexicon is missing from Clearance.Screening.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var words = new Dictionary<string, string[]>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            words[line[..tab]] = line[(tab + 1)..].Split('|');
        }

        return words;
    }

    /// <summary>The name with its Han words in English, one text per alternative translation; empty when no Han word is known.</summary>
    public static IReadOnlyList<string> Readings(string name)
    {
        var parts = new List<string[]>();
        var pending = new StringBuilder();
        var known = false;
        var i = 0;
        while (i < name.Length)
        {
            if (!InRun(name[i]))
            {
                pending.Append(name[i++]);
                continue;
            }

            var end = i;
            while (end < name.Length && InRun(name[end]))
            {
                end++;
            }

            foreach (var (length, english) in Segment(name, i, end))
            {
                if (english is null)
                {
                    pending.Append(name, i, length);
                }
                else
                {
                    Flush(parts, pending);
                    parts.Add(english);
                    known = true;
                }

                i += length;
            }
        }

        if (!known)
        {
            return [];
        }

        Flush(parts, pending);

        // Every word's first alternative, then every word's second (and third) together, then one word at a time at its
        // other alternatives: 航天 is "astronautics" or "aerospace" and 院 "academy" or "institute", and a list writes
        // "Aerospace … Academy", which taking the alternatives only in step never reads.
        var choices = new List<int[]>();
        var steps = Math.Min(MaxInStep, parts.Max(p => p.Length));
        for (var k = 0; k < steps; k++)
        {
            choices.Add([.. parts.Select(p => Math.Min(k, p.Length - 1))]);
        }

        for (var w = 0; w < parts.Count && choices.Count < MaxReadings; w++)
        {
            for (var a = 1; a < parts[w].Length && choices.Count < MaxReadings; a++)
            {
                var choice = new int[parts.Count];
                choice[w] = a;
                if (!choices.Any(c => c.AsSpan().SequenceEqual(choice)))
                {
                    choices.Add(choice);
                }
            }
        }

        var readings = new List<string>(choices.Count);
        foreach (var choice in choices)
        {
            var text = new StringBuilder();
            for (var w = 0; w < parts.Count; w++)
            {
                text.Append(parts[w][choice[w]]);
            }

            // A translation longer than the normaliser accepts is not read, nor one that leaves out every word.
            var reading = string.Join(' ', text.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
            if (reading.Length is > 0 and <= NameNormalizer.MaxLength && !readings.Contains(reading))
            {
                readings.Add(reading);
            }
        }

        return readings;
    }

    /// <summary>
    /// Splits a run of Han characters into the fewest pieces, each a lexicon word, an ordinal or one unknown character
    /// (which counts as two, so that known words win: 上海光学 is 上海 + 光学, not 上 + 海光 + 学); each piece with its
    /// English alternatives, null for an unknown character.
    /// </summary>
    static List<(int Length, string[]? English)> Segment(string name, int start, int end)
    {
        var span = end - start;
        var cost = new int[span + 1];
        var choice = new (int Length, string[]? English)[span];
        var lookup = Words.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var i = span - 1; i >= 0; i--)
        {
            cost[i] = 2 + cost[i + 1];
            choice[i] = (1, null);
            if (Ordinal(name, start + i, end) is { } ordinal && 1 + cost[i + ordinal.Length] < cost[i])
            {
                cost[i] = 1 + cost[i + ordinal.Length];
                choice[i] = (ordinal.Length, [" " + ordinal.Text + " "]);
            }

            for (var length = Math.Min(LongestWord, span - i); length >= 1; length--)
            {
                if (lookup.TryGetValue(name.AsSpan(start + i, length), out var english) && 1 + cost[i + length] < cost[i])
                {
                    cost[i] = 1 + cost[i + length];
                    choice[i] = (length, [.. english.Select(w => " " + w + " ")]);
                }
            }
        }

        var pieces = new List<(int Length, string[]? English)>();
        for (var i = 0; i < span; i += choice[i].Length)
        {
            pieces.Add(choice[i]);
        }

        return pieces;
    }

    /// <summary>A Han character, or the ideographic zero (U+3007), which is a symbol, not a Han character, in Unicode.</summary>
    static bool InRun(char c) => c == '〇' || CharFolding.IsHan(c);

    static void Flush(List<string[]> parts, StringBuilder pending)
    {
        if (pending.Length > 0)
        {
            parts.Add([pending.ToString()]);
            pending.Clear();
        }
    }

    /// <summary>
    /// An ordinal at <paramref name="start"/>: 第 and a numeral (第十四 = 14th), or a numeral directly before a word that
    /// names a numbered unit (七一一所 = 711th institute); its English text and its length in characters.
    /// </summary>
    static (string Text, int Length)? Ordinal(string name, int start, int limit)
    {
        var marked = name[start] == '第';
        var at = marked ? start + 1 : start;
        var end = at;
        while (end < limit && Digit(name[end]) >= -2)
        {
            end++;
        }

        if (end == at || (!marked && !Numbered.Any(w => string.CompareOrdinal(name, end, w, 0, w.Length) == 0)))
        {
            return null;
        }

        var number = Value(name.AsSpan(at, end - at));
        if (number is not { } n || n == 0)
        {
            return null;
        }

        return (n + Suffix(n), end - start);
    }

    /// <summary>A numeral's digit (0–9), -1 for 十 (ten), -2 for 百 (hundred), -3 for any other character.</summary>
    static int Digit(char c) => c switch
    {
        '〇' or '零' => 0,
        '一' => 1,
        '二' or '两' or '兩' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        '十' => -1,
        '百' => -2,
        _ => -3,
    };

    /// <summary>
    /// The value of a numeral: with 十/百 as a count (三十八 = 38, 七百零一 = 701, 十四 = 14); without them digit by digit,
    /// as numbered institutes are usually written (七〇一 = 701, 七一一 = 711); null when malformed.
    /// </summary>
    static int? Value(ReadOnlySpan<char> numeral)
    {
        if (numeral.Length > 6)
        {
            return null;
        }

        var positional = numeral.IndexOfAny('十', '百') >= 0;
        var value = 0;
        var digit = -1;
        foreach (var c in numeral)
        {
            var d = Digit(c);
            if (!positional)
            {
                value = (value * 10) + d;
                continue;
            }

            if (d >= 0)
            {
                digit = d;
                continue;
            }

            var unit = d == -1 ? 10 : 100;
            value += (digit < 0 ? 1 : digit) * unit;
            digit = -1;
        }

        return positional ? value + Math.Max(digit, 0) : value;
    }

    static string Suffix(int n) => (n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch
    {
        1 => "st",
        2 => "nd",
        3 => "rd",
        _ => "th",
    };
}
