using System.Globalization;
using System.Text;

namespace Clearance.Screening;

/// <summary>The one normaliser for list names and queries alike.</summary>
/// <remarks>
/// Per code point: NFKC, transliteration to ASCII (Han to toneless pinyin), case folding and removal of diacritics come
/// from one generated table; format characters (zero-width, soft hyphen, bidi marks) are removed without breaking the
/// word; a letter of another script inside a Latin word is replaced by the Latin letter it is confusable with.
/// Then pinyin company terms, legal forms and abbreviations are recognised and every token gets a <see cref="TokenKind"/>.
/// </remarks>
public static class NameNormalizer
{
    /// <summary>The longest name, in UTF-16 code units, the normaliser accepts.</summary>
    public const int MaxLength = 1000;

    /// <summary>How many Korean surnames have a romanisation of their own.</summary>
    public static int KoreanSurnameCount => KoreanSurnames.Count;

    static readonly Dictionary<string, string> KoreanSurnames = new(StringComparer.Ordinal)
    {
        ["gim"] = "kim",
        ["bag"] = "park",
        ["i"] = "lee",
        ["ri"] = "lee",
        ["bak"] = "park",
        ["choe"] = "choi",
        ["jeong"] = "jung",
        ["gang"] = "kang",
        ["jo"] = "cho",
        ["yun"] = "yoon",
        ["jang"] = "jang",
        ["im"] = "lim",
        ["o"] = "oh",
        ["sin"] = "shin",
        ["gwon"] = "kwon",
        ["an"] = "ahn",
        ["yu"] = "yoo",
        ["ryu"] = "ryu",
        ["jeon"] = "jeon",
        ["go"] = "ko",
        ["mun"] = "moon",
        ["baek"] = "baek",
        ["heo"] = "heo",
        ["nam"] = "nam",
        ["sim"] = "shim",
        ["no"] = "noh",
        ["gwak"] = "kwak",
        ["seong"] = "sung",
        ["ju"] = "joo",
        ["u"] = "woo",
        ["gu"] = "koo",
    };

    /// <summary>Normalises a name into one or more readings (more than one only for all-look-alike or Korean names and for
    /// organisation names written in Han, which are also read by meaning).</summary>
    /// <param name="name">The name as written.</param>
    /// <param name="type">The party type; OFAC individuals written "SURNAME, Given" are reordered.</param>
    public static IReadOnlyList<NormalizedName> Normalize(string name, PartyType type = PartyType.Unknown) => Normalize(name, type, byMeaning: true);

    static List<NormalizedName> Normalize(string name, PartyType type, bool byMeaning)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(name.Length, MaxLength, nameof(name));
        if (type == PartyType.Individual)
        {
            var comma = name.IndexOf(',', StringComparison.Ordinal);
            if (comma > 0 && comma == name.LastIndexOf(',') && comma < name.Length - 1)
            {
                name = string.Concat(name.AsSpan(comma + 1), " ", name.AsSpan(0, comma));
            }
        }

        var raw = Split(InDisplayOrder(name));
        var primary = new List<Word>();
        var lookalike = new List<Word>();
        var hasLookalike = false;
        foreach (var word in raw)
        {
            var (text, script, alternative) = Fold(word);
            var written = script is TokenScript.Han or TokenScript.Hangul ? char.ConvertFromUtf32(word[0]) : null;
            AddPieces(primary, text, script, written);
            AddPieces(lookalike, alternative ?? text, alternative is null ? script : TokenScript.Latin, null);

            hasLookalike |= alternative is not null;
        }

        var first = Classify(Rewrite(primary));
        var readings = new List<NormalizedName> { first };
        if (hasLookalike)
        {
            Add(readings, Classify(Rewrite(lookalike)));
        }

        if (KoreanReading(name, first) is { } korean)
        {
            foreach (var reading in Normalize(korean))
            {
                Add(readings, reading);
            }
        }

        if (first.Tokens.Count > 0 && first.Tokens[0].Script == TokenScript.Hangul
            && KoreanSurnames.TryGetValue(first.Tokens[0].Text, out var surname))
        {
            var tokens = first.Tokens.ToArray();
            tokens[0] = tokens[0] with { Text = surname };
            Add(readings, new NormalizedName(tokens));
        }

        // An organisation's name in Han is also read by meaning, as the English lists write it; a person's name has no
        // meaning to translate. A translation is not read by meaning again (it may keep a brand's characters, to be read
        // in pinyin).
        if (byMeaning && type != PartyType.Individual && HasHan(name))
        {
            foreach (var meaning in HanMeaning.Readings(name))
            {
                foreach (var reading in Normalize(meaning, type, byMeaning: false))
                {
                    Add(readings, new NormalizedName(reading.Tokens) { Derivation = "read by meaning as '" + meaning + "'" });
                }
            }
        }

        return readings;
    }

    /// <summary>
    /// A personal name written in three Han characters, the usual form of a Korean name (a one-syllable family name and
    /// a two-syllable given name), rewritten in Hangul by the characters' Korean readings (金正恩 = 김정은), so that it also
    /// matches its Korean romanisation; null for other names. Two-character names, the common Chinese form, are left to
    /// their Mandarin reading: read in Korean they collide with many listed Korean names.
    /// </summary>
    static string? KoreanReading(string name, NormalizedName first)
    {
        if (first.HanWritten.Length != 3 || first.Tokens.Any(t => t.Script != TokenScript.Han || t.Kind != TokenKind.Name))
        {
            return null;
        }

        var builder = TextBuilders.Take();
        foreach (var c in name)
        {
            if (!CharFolding.IsHan(c))
            {
                builder.Append(c);
                continue;
            }

            var syllable = CjkReadings.Korean(c);
            if (syllable == '\0')
            {
                TextBuilders.Release(builder);
                return null;
            }

            builder.Append(syllable);
        }

        return TextBuilders.Release(builder);
    }

    static bool HasHan(string name)
    {
        foreach (var c in name)
        {
            if (CharFolding.IsHan(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first reading of a name; what list entries are indexed and explained by.</summary>
    public static NormalizedName NormalizePrimary(string name, PartyType type = PartyType.Unknown) => Normalize(name, type)[0];

    static void Add(List<NormalizedName> readings, NormalizedName reading)
    {
        foreach (var r in readings)
        {
            if (r.Full.Equals(reading.Full, StringComparison.Ordinal))
            {
                return;
            }
        }

        readings.Add(reading);
    }

    /// <summary>The space-separated pieces of a folded word as words (a folded character may stand for two words).</summary>
    static void AddPieces(List<Word> words, string text, TokenScript script, string? written)
    {
        if (!text.Contains(' ', StringComparison.Ordinal))
        {
            if (text.Length > 0)
            {
                words.Add(new Word(text, script, written));
            }

            return;
        }

        foreach (var piece in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            words.Add(new Word(piece, script, written));
        }
    }

    /// <summary>The name in the order a reader sees it. A right-to-left override (U+202E) shows the characters after it,
    /// up to a pop (U+202C) or the end, reversed: "\u202ENOGUS" reads "SUGON", and is screened as what it reads. The
    /// other bidirectional controls change no letter order within Latin text and are dropped as invisible, like every
    /// other format character.</summary>
    static string InDisplayOrder(string name)
    {
        var start = name.IndexOf('\u202E', StringComparison.Ordinal);
        if (start < 0)
        {
            return name;
        }

        var text = new System.Text.StringBuilder(name.Length);
        var rest = name.AsSpan();
        while ((start = rest.IndexOf('\u202E')) >= 0)
        {
            text.Append(rest[..start]);
            rest = rest[(start + 1)..];
            var end = rest.IndexOf('\u202C');
            var overridden = end < 0 ? rest : rest[..end];
            // Reversed by code point, so a surrogate pair stays one character.
            for (var i = overridden.Length - 1; i >= 0; i--)
            {
                if (char.IsLowSurrogate(overridden[i]) && i > 0 && char.IsHighSurrogate(overridden[i - 1]))
                {
                    text.Append(overridden[i - 1]).Append(overridden[i]);
                    i--;
                }
                else
                {
                    text.Append(overridden[i]);
                }
            }

            rest = end < 0 ? [] : rest[(end + 1)..];
        }

        return text.Append(rest).ToString();
    }

    /// <summary>Splits into words of original characters; Han and Hangul characters are words of their own.</summary>
    static List<List<int>> Split(string name)
    {
        var words = new List<List<int>>();
        var current = new List<int>();

        // Static, with the state passed in: a local function capturing the two lists would cost an allocation per name.
        static void Flush(List<List<int>> words, ref List<int> current)
        {
            if (current.Count > 0)
            {
                words.Add(current);
                current = [];
            }
        }

        for (var i = 0; i < name.Length; i++)
        {
            int c = name[i];
            if (char.IsHighSurrogate(name[i]) && i + 1 < name.Length && char.IsLowSurrogate(name[i + 1]))
            {
                c = char.ConvertToUtf32(name[i], name[i + 1]);
                i++;
                var math = MathematicalAlphanumeric(c);
                if (math != 0)
                {
                    current.Add(math);
                }
                else if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.NonSpacingMark
                         or UnicodeCategory.EnclosingMark)
                {
                    continue;
                }
                else
                {
                    // Letters outside the BMP other than mathematical alphanumerics (rare Han, historic scripts) have no
                    // folding; they separate words so the rest of the name still matches.
                    Flush(words, ref current);
                }

                continue;
            }

            // Control characters other than white space are noise inserted into a word; dropping them keeps it whole.
            if (char.IsControl((char)c) && !char.IsWhiteSpace((char)c))
            {
                continue;
            }

            if (c < 0x80)
            {
                if (char.IsAsciiLetterOrDigit((char)c))
                {
                    current.Add(c);
                }
                else if (c is '\'' or '`')
                {
                    continue;
                }
                else if (c == '&')
                {
                    Flush(words, ref current);
                    words.Add(['a', 'n', 'd']);
                }
                else
                {
                    Flush(words, ref current);
                }

                continue;
            }

            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.Format)
            {
                continue;
            }

            if (CharFolding.IsHan(c) || CharFolding.IsHangul(c))
            {
                Flush(words, ref current);
                words.Add([c]);
                continue;
            }

            switch (category)
            {
                case UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                    or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.NonSpacingMark
                    or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark or UnicodeCategory.DecimalDigitNumber
                    or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber:
                    current.Add(c);
                    break;
                default:
                    var folded = CharFolding.Fold((char)c);
                    if (folded is "'" or "`")
                    {
                        continue;
                    }

                    if (folded == "&")
                    {
                        Flush(words, ref current);
                        words.Add(['a', 'n', 'd']);
                        continue;
                    }

                    Flush(words, ref current);
                    break;
            }
        }

        Flush(words, ref current);
        return words;
    }

    static int MathematicalAlphanumeric(int c)
    {
        if (c is >= 0x1D400 and <= 0x1D6A3)
        {
            var k = (c - 0x1D400) % 52;
            return k < 26 ? 'a' + k : 'a' + k - 26;
        }

        if (c is >= 0x1D7CE and <= 0x1D7FF)
        {
            return '0' + ((c - 0x1D7CE) % 10);
        }

        return 0;
    }

    /// <summary>Folds one word; returns a look-alike reading when every letter of a non-Latin word mimics a Latin one.</summary>
    static (string Text, TokenScript Script, string? Alternative) Fold(List<int> word)
    {
        if (word.Count == 1 && CharFolding.IsHan(word[0]))
        {
            return (CharFolding.Fold((char)word[0]), TokenScript.Han, null);
        }

        if (word.Count == 1 && CharFolding.IsHangul(word[0]))
        {
            return (CharFolding.Fold((char)word[0]), TokenScript.Hangul, null);
        }

        int ascii = 0, other = 0, confusable = 0;
        var abjad = false;
        foreach (var c in word)
        {
            if (c < 0x80)
            {
                ascii++;
                continue;
            }

            if (!char.IsLetter((char)c))
            {
                continue;
            }

            other++;
            abjad |= CharFolding.IsAbjad(c);
            if (CharFolding.Confusable((char)c).Length > 0)
            {
                confusable++;
            }
        }

        var mixed = ascii > 0 && confusable > 0;
        var builder = TextBuilders.Take();
        foreach (var c in word)
        {
            if (c < 0x80)
            {
                builder.Append(char.ToLowerInvariant((char)c));
                continue;
            }

            var look = mixed ? CharFolding.Confusable((char)c) : "";
            AppendClean(builder, look.Length > 0 ? look : CharFolding.Fold((char)c));
        }

        var script = ascii > 0 || other == 0 ? TokenScript.Latin : abjad ? TokenScript.Abjad : TokenScript.Other;
        string? alternative = null;
        if (ascii == 0 && other > 0 && confusable == other)
        {
            var alt = TextBuilders.Take();
            foreach (var c in word)
            {
                var look = CharFolding.Confusable((char)c);
                AppendClean(alt, look.Length > 0 ? look : CharFolding.Fold((char)c));
            }

            alternative = TextBuilders.Release(alt);
        }

        return (TextBuilders.Release(builder), script, alternative);
    }

    static void AppendClean(StringBuilder builder, string folded)
    {
        foreach (var ch in folded)
        {
            if (char.IsAsciiLetterOrDigit(ch))
            {
                builder.Append(char.ToLowerInvariant(ch));
            }
            else if (ch == ' ')
            {
                builder.Append(' ');
            }
        }
    }

    /// <summary>Written-out legal forms and names to their short forms, number words to digits, digits posing as letters.</summary>
    static List<Word> Rewrite(List<Word> words)
    {
        var output = new List<Word>(words.Count);
        var i = 0;
        while (i < words.Count)
        {
            var replaced = false;
            var phraseWords = Lexicon.StartsPhrase(words[i].Text) ? Math.Min(Lexicon.MaxPhraseWords, words.Count - i) : 0;
            for (var length = phraseWords; length >= 1 && !replaced; length--)
            {
                if (words[i].Script == TokenScript.Han || (length == 1 && words[i].Text.Length < 8))
                {
                    continue;
                }

                var phrase = Join(words, i, length, spaced: true);
                if (Lexicon.TryPhrase(phrase, out var replacement))
                {
                    foreach (var word in replacement.Split(' '))
                    {
                        output.Add(new Word(word, TokenScript.Latin, null));
                    }

                    i += length;
                    replaced = true;
                }
            }

            if (replaced)
            {
                continue;
            }

            // Pinyin written syllable by syllable ("You Xian Gong Si", "Ji Shu") is joined where it spells a known term.
            if (words[i].Script == TokenScript.Latin && words[i].Text.Length <= 6)
            {
                var joinedWords = 0;
                var syllables = 0;
                while (i + syllables < words.Count && words[i + syllables].Script == TokenScript.Latin && words[i + syllables].Text.Length <= 6)
                {
                    syllables++;
                }

                // Only runs of short Latin words can be joined: a longer span would hold another word.
                for (var length = Math.Min(Math.Min(Lexicon.MaxPinyinSyllables, words.Count - i), syllables); length >= 2 && joinedWords == 0; length--)
                {
                    if (IsPinyinTerm(words, i, length, out _))
                    {
                        output.Add(new Word(Join(words, i, length, spaced: false), TokenScript.Latin, null));
                        joinedWords = length;
                    }
                }

                if (joinedWords > 0)
                {
                    i += joinedWords;
                    continue;
                }
            }

            var (text, script, _) = words[i];
            if (script == TokenScript.Latin && Lexicon.Number(text) is { } number)
            {
                // "forty four" / "forty-four" -> "44"
                var next = i + 1 < words.Count ? words[i + 1].Text : "";
                var unit = next.Length == 1 && char.IsAsciiDigit(next[0]) ? next : Lexicon.Number(next);
                if (number.Length == 2 && number[1] == '0' && unit is { Length: 1 })
                {
                    output.Add(new Word(string.Concat(number.AsSpan(0, 1), unit), script, null));
                    i += 2;
                    continue;
                }

                output.Add(new Word(number, script, null));
                i++;
                continue;
            }

            output.Add(words[i] with { Text = script == TokenScript.Latin ? Unleet(text) : text });
            i++;
        }

        return output;
    }

    /// <summary>Digits used as letters inside a word ("Sech1n", "Ig0r") are read as the letters they stand for.</summary>
    static string Unleet(string token)
    {
        int letters = 0, digits = 0;
        foreach (var c in token)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else
            {
                letters++;
            }
        }

        if (digits == 0 || letters < 2 || digits * 2 > letters || !char.IsAsciiLetter(token[0]) || !char.IsAsciiLetter(token[^1]))
        {
            return token;
        }

        return string.Create(token.Length, token, static (span, t) =>
        {
            for (var k = 0; k < t.Length; k++)
            {
                span[k] = t[k] switch
                {
                    '0' => 'o',
                    '1' => 'i',
                    '3' => 'e',
                    '4' => 'a',
                    '5' => 's',
                    '7' => 't',
                    '8' => 'b',
                    '9' => 'g',
                    _ => t[k],
                };
            }
        });
    }

    static NormalizedName Classify(List<Word> words)
    {
        var tokens = new List<NameToken>(words.Count + 2);
        var i = 0;
        while (i < words.Count)
        {
            var (text, script, written) = words[i];
            if (script == TokenScript.Han)
            {
                var end = i;
                while (end < words.Count && words[end].Script == TokenScript.Han)
                {
                    end++;
                }

                ClassifyHan(words, i, end, tokens);
                i = end;
                continue;
            }

            if (script == TokenScript.Latin && text.Length == 1 && char.IsAsciiLetter(text[0]))
            {
                var end = i;
                while (end < words.Count && words[end].Script == TokenScript.Latin && words[end].Text.Length == 1
                       && char.IsAsciiLetter(words[end].Text[0]))
                {
                    end++;
                }

                if (end - i >= 2)
                {
                    var merged = Join(words, i, end - i, spaced: false);
                    AddWord(tokens, merged, script, null);
                    i = end;
                    continue;
                }
            }

            AddWord(tokens, text, script, written);
            i++;
        }

        return new NormalizedName(tokens);
    }

    static void AddWord(List<NameToken> tokens, string text, TokenScript script, string? written)
    {
        if (script is TokenScript.Latin && Lexicon.TryPinyin(text, out var words))
        {
            foreach (var word in words.Split(' '))
            {
                tokens.Add(new NameToken(word, Lexicon.Classify(word), script));
            }

            return;
        }

        var canonical = script is TokenScript.Latin or TokenScript.Other ? Lexicon.Canonical(text) : text;
        var kind = script == TokenScript.Hangul ? TokenKind.Name : Lexicon.Classify(canonical);
        tokens.Add(new NameToken(canonical, kind, script, written));
    }

    /// <summary>Recognises pinyin company terms in a run of Han syllables; the other syllables join into words.</summary>
    static void ClassifyHan(List<Word> words, int start, int end, List<NameToken> tokens)
    {
        var pendingFrom = start;
        var i = start;
        while (i < end)
        {
            var matched = 0;
            string? lexiconWords = null;
            for (var length = Math.Min(Lexicon.MaxPinyinSyllables, end - i); length >= 2; length--)
            {
                if (IsPinyinTerm(words, i, length, out var found))
                {
                    matched = length;
                    lexiconWords = found;
                    break;
                }
            }

            if (lexiconWords is null)
            {
                i++;
                continue;
            }

            AddHanWord(words, pendingFrom, i, tokens);
            foreach (var word in lexiconWords.Split(' '))
            {
                tokens.Add(new NameToken(word, Lexicon.Classify(word), TokenScript.Han));
            }

            i += matched;
            pendingFrom = i;
        }

        AddHanWord(words, pendingFrom, end, tokens);
    }

    /// <summary>The Han syllables from <paramref name="from"/> up to <paramref name="to"/> (no term among them) as one
    /// word, with the characters they were written in.</summary>
    static void AddHanWord(List<Word> words, int from, int to, List<NameToken> tokens)
    {
        if (to <= from)
        {
            return;
        }

        var text = Join(words, from, to - from, spaced: false);
        var written = TextBuilders.Take();
        for (var k = from; k < to; k++)
        {
            written.Append(words[k].Written);
        }

        tokens.Add(new NameToken(text, Lexicon.Classify(text), TokenScript.Han, TextBuilders.Release(written)));
    }

    /// <summary>Whether <paramref name="count"/> words from <paramref name="start"/>, run together, spell a pinyin term of
    /// the lexicon (its English words in <paramref name="terms"/>), joined in a buffer rather than a new string.</summary>
    static bool IsPinyinTerm(List<Word> words, int start, int count, out string terms)
    {
        var length = JoinedLength(words, start, count, spaced: false);
        if (length > 128)
        {
            return Lexicon.TryPinyin(Join(words, start, count, spaced: false), out terms);
        }

        Span<char> joined = stackalloc char[length];
        CopyJoined(joined, words, start, count, spaced: false);
        return Lexicon.TryPinyin(joined, out terms);
    }

    /// <summary>The texts of <paramref name="count"/> words from <paramref name="start"/>, joined by single spaces or run together.</summary>
    static string Join(List<Word> words, int start, int count, bool spaced) =>
        string.Create(JoinedLength(words, start, count, spaced), (words, start, count, spaced),
            static (span, state) => CopyJoined(span, state.words, state.start, state.count, state.spaced));

    static int JoinedLength(List<Word> words, int start, int count, bool spaced)
    {
        var length = spaced ? count - 1 : 0;
        for (var k = 0; k < count; k++)
        {
            length += words[start + k].Text.Length;
        }

        return length;
    }

    static void CopyJoined(Span<char> span, List<Word> words, int start, int count, bool spaced)
    {
        var at = 0;
        for (var k = 0; k < count; k++)
        {
            if (spaced && k > 0)
            {
                span[at++] = ' ';
            }

            var text = words[start + k].Text;
            text.CopyTo(span[at..]);
            at += text.Length;
        }
    }

    /// <summary>A word on its way to becoming a token; <see cref="Written"/> keeps a Han or Hangul character.</summary>
    readonly record struct Word(string Text, TokenScript Script, string? Written);
}
