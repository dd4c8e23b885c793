using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Clearance.Screening;

/// <summary>Compares two normalised names token by token with weights by token kind.</summary>
/// <remarks>
/// Tokens are aligned one-to-one, best pair first. A pair scores 1 when equal, by edit distance within a budget that
/// grows with length (one edit from 3 characters, two from 6, three from 10), by consonant skeleton when one side was
/// written in an abjad, and by the usual romanisation equivalences when one side was Hangul. Adjacent tokens that
/// together spell a token of the other name are merged first ("Hik Vision" = "HIKVISION", "Xi Jinping" = 习近平).
/// The score is the weighted share of aligned tokens: legal forms, stopwords, places and industry terms weigh little;
/// tokens of the listed name missing from the query count only a share of their weight (half for terms, places and legal
/// forms; for names between a quarter and all of it, as set by rarity below), so a short query still finds a long listed
/// name; when neither name has a distinctive word, the listed terms and places missing count in full (they are all that
/// tells such a name from another). The explanation states every weight, share and factor the score was computed from.
/// Two or more edits in one word cost more than their share of letters (a different name more often than a typo);
/// pinyin read from Han is never matched letter by letter (one letter is another character); the letters of the whole
/// name are compared without spaces only when the names are split into different numbers of words; an omitted
/// patronymic weighs little; a name written only in Han also matches the Latin name its Japanese readings spell.
/// How many listed parties carry each token (<see cref="TokenRarity"/>) sets how much the listed name's unmatched words
/// weigh: little when the query matched a word few parties carry, fully when it matched only common ones.
/// </remarks>
public static class NameScorer
{
    const double ExtraListedWeight = 0.5;
    const double OrderPenalty = 0.97;
    const double NoDistinctiveTokenPenalty = 0.6;
    const double NearExactCap = 0.99;
    const int MaxTokens = 24;
    const double ContradictionPenalty = 0.8;
    const double NumberMismatchPenalty = 0.9;
    const double NumberWeight = 0.3;
    const double LegalFormMismatchPenalty = 0.92;
    const double WeakPair = 0.7;
    const double TermContradictionPenalty = 0.88;
    const double PersonOrderPenalty = 0.85;
    const double JapaneseReadingScore = 0.92;
    const double MultiEditPenalty = 0.05;
    const double PatronymicWeight = 0.3;
    const double AbjadTwoConsonants = 0.8;
    // Tuned on tools/screening-eval, name_bench and the 50,000 negatives (bench/README.md, "Screening: token rarity").
    const double RareExtraWeight = 0.25;
    const double InitialScore = 0.7;
    const double CommonNameDiscount = 0.05;
    const double ParticleSwapPenalty = 0.7;
    const double CommonExtraWeight = 1.0;
    const double CompactEqualScore = 0.95;
    const double CompactSkeletonScore = 0.9;
    const double AcronymScore = 0.85;

    /// <summary>The similarity of a query name to a listed name.</summary>
    /// <param name="query">The name screened.</param>
    /// <param name="listed">The listed name.</param>
    /// <param name="type">Individual when either party is a person: word order then matters more, acronyms do not count.</param>
    /// <param name="rarity">How common each token is among listed parties; <see cref="TokenRarity.Shipped"/> when null.</param>
    public static double Score(NormalizedName query, NormalizedName listed, PartyType type = PartyType.Unknown, TokenRarity? rarity = null) =>
        Compare(query, listed, type, rarity ?? TokenRarity.Shipped, null);

    /// <summary>The similarity with an explanation of the alignment.</summary>
    /// <param name="query">The name screened.</param>
    /// <param name="listed">The listed name.</param>
    /// <param name="type">Individual when either party is a person.</param>
    /// <param name="rarity">How common each token is among listed parties; <see cref="TokenRarity.Shipped"/> when null.</param>
    public static NameComparison Explain(NormalizedName query, NormalizedName listed, PartyType type = PartyType.Unknown, TokenRarity? rarity = null)
    {
        var explanation = TextBuilders.Take();
        var score = Compare(query, listed, type, rarity ?? TokenRarity.Shipped, explanation);
        return new NameComparison(score, TextBuilders.Release(explanation));
    }

    /// <summary>The similarity, its explanation appended to <paramref name="explanation"/> (a screen's text of a match).</summary>
    internal static double Explain(NormalizedName query, NormalizedName listed, PartyType type, TokenRarity rarity, StringBuilder explanation) =>
        Compare(query, listed, type, rarity, explanation);

    static double Weight(in NameToken token) => token.Kind switch
    {
        // A number (a fund's series, a vessel's hull number) tells members of one family apart, not one name from another.
        TokenKind.Name => token.HasDigit ? NumberWeight : token.Text.Length <= 2 && token.Script == TokenScript.Latin ? 0.6 : 1.0,
        TokenKind.Generic => 0.3,
        TokenKind.Location => 0.25,
        TokenKind.LegalForm => 0.1,
        TokenKind.Stop => 0.05,
    };

    static double Compare(NormalizedName query, NormalizedName listed, PartyType type, TokenRarity rarity, StringBuilder? explanation)
    {
        if (query.IsEmpty || listed.IsEmpty)
        {
            explanation?.Append("empty name");
            return 0;
        }

        if (query.Full.Equals(listed.Full, StringComparison.Ordinal)
            && (query.HanWritten.Length == 0 || listed.HanWritten.Length == 0 || query.HanWritten.Equals(listed.HanWritten, StringComparison.Ordinal)))
        {
            explanation?.Append("exact: '").Append(listed.Full).Append('\'');
            return 1.0;
        }

        var merged = Merge(query.Tokens, listed.Tokens);
        var q = TokenSpan(merged);
        var l = TokenSpan(Merge(listed.Tokens, merged));

        Span<double> sims = stackalloc double[q.Length * l.Length];
        for (var i = 0; i < q.Length; i++)
        {
            for (var j = 0; j < l.Length; j++)
            {
                sims[(i * l.Length) + j] = TokenSimilarity(q[i], l[j]);
            }
        }

        Span<int> matchOfQuery = stackalloc int[q.Length];
        Span<bool> listedUsed = stackalloc bool[l.Length];
        matchOfQuery.Fill(-1);
        var pairs = Math.Min(q.Length, l.Length);
        for (var round = 0; round < pairs; round++)
        {
            var best = 0.0;
            int bi = -1, bj = -1;
            for (var i = 0; i < q.Length; i++)
            {
                if (matchOfQuery[i] >= 0)
                {
                    continue;
                }

                for (var j = 0; j < l.Length; j++)
                {
                    var s = sims[(i * l.Length) + j];
                    if (!listedUsed[j] && s > best)
                    {
                        best = s;
                        bi = i;
                        bj = j;
                    }
                }
            }

            if (bi < 0)
            {
                break;
            }

            matchOfQuery[bi] = bj;
            listedUsed[bj] = true;
        }

        double numerator = 0, denominator = 0;
        int queryOnly = 0, listedOnly = 0, numbersUnmatched = 0, queryTermsOnly = 0, listedTermsOnly = 0;
        bool queryLegal = false, listedLegal = false, legalAligned = false;
        var distinctive = false;
        var specific = 0.0;

        // A name made only of industry words, places and legal forms ("Global Trading Group") is told from others by
        // those words alone: when neither name has a distinctive word, the listed words the query lacks count in full.
        var anyDistinctive = HasName(q) || HasName(l);
        var ordered = true;
        var lastListed = -1;
        for (var i = 0; i < q.Length; i++)
        {
            var wq = Weight(q[i]);
            queryLegal |= q[i].Kind == TokenKind.LegalForm;
            var j = matchOfQuery[i];
            var s = j < 0 ? 0 : sims[(i * l.Length) + j];
            if (q[i].Kind == TokenKind.Name && s < WeakPair)
            {
                // A differing number is one difference, counted once below, not also a differing word.
                queryOnly += q[i].HasDigit ? 0 : 1;
                numbersUnmatched += q[i].HasDigit ? 1 : 0;
            }

            if (j < 0)
            {
                denominator += UnmatchedQueryWeight(q[i]);
                queryTermsOnly += q[i].Kind is TokenKind.Generic or TokenKind.Location ? 1 : 0;
                continue;
            }

            legalAligned |= s >= 1.0 && q[i].Kind == TokenKind.LegalForm;
            if (l[j].Kind == TokenKind.Name && s < WeakPair)
            {
                listedOnly += l[j].HasDigit ? 0 : 1;
                numbersUnmatched += l[j].HasDigit ? 1 : 0;
            }

            var pairWeight = wq + Weight(l[j]);
            numerator += s * pairWeight;
            denominator += pairWeight;
            distinctive |= s >= 0.7 && (q[i].Kind == TokenKind.Name || l[j].Kind == TokenKind.Name);
            if (s >= WeakPair && l[j].Kind == TokenKind.Name && l[j].Text.Length >= 2 && q[i].Text.Length >= 2 && IsOwnToken(listed, l[j].Text))
            {
                specific = Math.Max(specific, Rareness(rarity.Count(l[j].Text)));
            }
            if (j < lastListed)
            {
                ordered = false;
            }

            lastListed = j;
        }

        for (var j = 0; j < l.Length; j++)
        {
            listedLegal |= l[j].Kind == TokenKind.LegalForm;
            if (!listedUsed[j])
            {
                denominator += UnmatchedListedWeight(l[j], specific, anyDistinctive);
                if (l[j].Kind == TokenKind.Name)
                {
                    listedOnly += l[j].HasDigit ? 0 : 1;
                    numbersUnmatched += l[j].HasDigit ? 1 : 0;
                }

                listedTermsOnly += l[j].Kind is TokenKind.Generic or TokenKind.Location ? 1 : 0;
            }
        }

        // A distinctive word on each side that the other lacks is a contradiction (a different given name, a
        // different clan name), far stronger evidence against a match than a word one side merely omits.
        var contradictions = Math.Min(queryOnly, listedOnly);
        var termContradictions = Math.Min(queryTermsOnly, listedTermsOnly);
        var person = type == PartyType.Individual;

        // Every step below changes the score through Factor, Raise or the cap, which also write the step's number into
        // the explanation, so the explanation's arithmetic is the score's.
        var score = denominator > 0 ? numerator / denominator : 0;
        if (explanation is not null)
        {
            if (query.Derivation.Length > 0)
            {
                explanation.Append(query.Derivation).Append(", ");
            }

            if (listed.Derivation.Length > 0)
            {
                explanation.Append("the other name ").Append(listed.Derivation).Append(", ");
            }

            Describe(explanation, q, l, matchOfQuery, listedUsed, sims, specific, anyDistinctive);
            explanation.Append("; weighted share ").Append(Number(numerator)).Append('/').Append(Number(denominator))
                .Append(" = ").Append(Number(score));
        }

        if (anyDistinctive && !distinctive)
        {
            Factor(ref score, NoDistinctiveTokenPenalty, "no distinctive token aligned", explanation);
        }

        // A near match made only of words many listed parties share (John Vasquez / Juan Vasquez) is weaker evidence
        // than one that matches a word only this party carries.
        var commonOnly = anyDistinctive && distinctive && score < 1.0 ? 1.0 - (CommonNameDiscount * (1.0 - specific)) : 1.0;
        if (commonOnly < 1.0)
        {
            Factor(ref score, commonOnly, "only words many listed parties share", explanation);
        }

        // Around "bin"/"ibn" the order says who is whose son: Omar bin Abdullah is not Abdullah bin Omar.
        if (!ordered)
        {
            var (orderPenalty, orderReason) = !person ? (OrderPenalty, "word order differs")
                : ParticleSwapped(q, matchOfQuery) ? (ParticleSwapPenalty, "names swapped around bin/ibn, for a person")
                : (PersonOrderPenalty, "word order differs, for a person");
            Factor(ref score, orderPenalty, orderReason, explanation);
        }

        // Space-free comparison is for spelling, not for numbers ("12th" vs "14th") or different Han characters; a near
        // match of the letters only when the words are split differently (with as many words on each side, the
        // alignment above already judged each word, and one word differing is a contradiction, not a spelling). Nor is it
        // for names made only of industry words, places and legal forms ("Holding", "Le Electronics Company"): their
        // letters are the same words the alignment already weighed, and spell no one.
        var spellingOnly = anyDistinctive && SameDigits(query.Compact, listed.Compact)
            && (query.HanWritten.Length == 0 || listed.HanWritten.Length == 0 || query.HanWritten.Equals(listed.HanWritten, StringComparison.Ordinal));
        var compactEqual = spellingOnly && query.Compact.Length >= 4 && query.Compact.Equals(listed.Compact, StringComparison.Ordinal);
        var resplit = spellingOnly && CoreCount(q) != CoreCount(l) && query.HanWritten.Length == 0 && listed.HanWritten.Length == 0;
        var compactSimilarity = compactEqual ? CompactEqualScore : resplit ? CompactSimilarity(query.Compact, listed.Compact) : 0;
        if (compactSimilarity == 0 && resplit && (HasScript(q, TokenScript.Abjad) || HasScript(l, TokenScript.Abjad)))
        {
            var skeleton = Phonetics.Skeleton(query.Compact);
            compactSimilarity = skeleton.Length >= 3 && skeleton.Equals(Phonetics.Skeleton(listed.Compact), StringComparison.Ordinal) ? CompactSkeletonScore : 0;
        }

        // A spelling or a reading that explains the whole name replaces the word-by-word score and the word-level
        // evidence against it; the penalties that follow apply to what is left.
        if (compactSimilarity > score)
        {
            Raise(ref score, compactSimilarity, compactEqual ? "same letters ignoring spaces and legal forms" : "letters nearly equal ignoring spaces", explanation);
            contradictions = 0;
            termContradictions = 0;
            numbersUnmatched = 0;
        }

        if (score < JapaneseReadingScore && (SpellsJapanese(query, listed) || SpellsJapanese(listed, query)))
        {
            Raise(ref score, JapaneseReadingScore, "the Han characters read in Japanese spell the other name", explanation);
            contradictions = 0;
            termContradictions = 0;
            numbersUnmatched = 0;
        }

        if (!person && !compactEqual && (IsAcronymOf(q, listed) || IsAcronymOf(l, query)))
        {
            if (score < AcronymScore)
            {
                Raise(ref score, AcronymScore, "acronym of the other name", explanation);
            }
            else
            {
                explanation?.Append("; acronym of the other name");
            }

            contradictions = 0;
        }

        for (var c = 0; c < contradictions; c++)
        {
            Factor(ref score, ContradictionPenalty, "a distinctive word differs on both sides", explanation);
        }

        for (var c = 0; c < termContradictions; c++)
        {
            Factor(ref score, TermContradictionPenalty, "an industry or place word differs on both sides", explanation);
        }

        if (numbersUnmatched > 0)
        {
            Factor(ref score, NumberMismatchPenalty, "numbers differ", explanation);
        }

        if (queryLegal && listedLegal && !legalAligned && !(HasJointStock(q) && HasJointStock(l)))
        {
            Factor(ref score, LegalFormMismatchPenalty, "legal forms differ", explanation);
        }

        if (score > NearExactCap)
        {
            score = NearExactCap;
            explanation?.Append("; capped at ").Append(Number(NearExactCap)).Append(" (only the same name scores 1)");
        }

        return score;
    }

    /// <summary>
    /// A name written only in Han whose characters, read in Japanese, spell the other name's Latin letters, in order or
    /// with the family name (the first one or two characters) moved last.
    /// </summary>
    static bool SpellsJapanese(NormalizedName han, NormalizedName latin)
    {
        var chars = han.HanWritten;
        if (chars.Length < 2 || !AllHanNames(TokenSpan(han.Tokens)) || !AllLatin(TokenSpan(latin.Tokens)))
        {
            return false;
        }

        var letters = CjkReadings.LongVowels(latin.Compact);
        return CjkReadings.SpellsJapanese(chars, letters)
            || CjkReadings.SpellsJapanese(chars, letters, rotate: 1)
            || (chars.Length >= 3 && CjkReadings.SpellsJapanese(chars, letters, rotate: 2));
    }

    // These helpers loop by index: enumerating an IReadOnlyList allocates an enumerator per call, and they run per candidate.
    static bool AllHanNames(ReadOnlySpan<NameToken> tokens)
    {
        for (var k = 0; k < tokens.Length; k++)
        {
            if (tokens[k].Script != TokenScript.Han || tokens[k].Kind != TokenKind.Name)
            {
                return false;
            }
        }

        return true;
    }

    static bool AllLatin(ReadOnlySpan<NameToken> tokens)
    {
        for (var k = 0; k < tokens.Length; k++)
        {
            if (tokens[k].Script != TokenScript.Latin)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Joins adjacent tokens whose concatenation is a token of the other name; the input when none do.</summary>
    static IReadOnlyList<NameToken> Merge(IReadOnlyList<NameToken> input, IReadOnlyList<NameToken> other)
    {
        List<NameToken>? tokens = null;
        var others = TokenSpan(other);
        var current = TokenSpan(input);
        var count = Math.Min(current.Length, MaxTokens);

        // The lengths of the other name's tokens, one bit each (63 for 63 and longer): most runs of adjacent tokens have
        // a total length no token of the other name has, and are passed over without comparing any text.
        var lengths = 0UL;
        foreach (ref readonly var o in others)
        {
            lengths |= 1UL << Math.Min(o.Text.Length, 63);
        }

        for (var i = 0; i + 1 < count; i++)
        {
            for (var span = Math.Min(4, count - i); span >= 2; span--)
            {
                var length = 0;
                for (var k = 0; k < span; k++)
                {
                    length += current[i + k].Text.Length;
                }

                if ((lengths & (1UL << Math.Min(length, 63))) == 0)
                {
                    continue;
                }

                string? target = null;
                foreach (ref readonly var o in others)
                {
                    if (o.Text.Length == length && StartsWithRun(o.Text, current, i, span))
                    {
                        target = o.Text;
                        break;
                    }
                }

                if (target is not null)
                {
                    tokens ??= [.. current[..count]];
                    tokens[i] = new NameToken(target, MergedKind(CollectionsMarshal.AsSpan(tokens), i, span), tokens[i].Script);
                    tokens.RemoveRange(i + 1, span - 1);
                    current = CollectionsMarshal.AsSpan(tokens);
                    count = tokens.Count;
                    break;
                }
            }
        }

        if (tokens is null && input.Count > MaxTokens)
        {
            tokens = [.. current[..MaxTokens]];
        }

        return tokens ?? input;
    }

    /// <summary>The tokens as a span: the normaliser's lists without a copy, so the loops run per candidate make no interface calls.</summary>
    static ReadOnlySpan<NameToken> TokenSpan(IReadOnlyList<NameToken> tokens) => tokens switch
    {
        List<NameToken> list => CollectionsMarshal.AsSpan(list),
        NameToken[] array => array,
        _ => tokens.ToArray(),
    };

    static TokenKind MergedKind(ReadOnlySpan<NameToken> tokens, int start, int span)
    {
        for (var k = 0; k < span; k++)
        {
            if (tokens[start + k].Kind == TokenKind.Name)
            {
                return TokenKind.Name;
            }
        }

        return tokens[start].Kind;
    }

    static bool StartsWithRun(string text, ReadOnlySpan<NameToken> tokens, int start, int span)
    {
        var offset = 0;
        for (var k = 0; k < span; k++)
        {
            var part = tokens[start + k].Text;
            if (string.CompareOrdinal(text, offset, part, 0, part.Length) != 0)
            {
                return false;
            }

            offset += part.Length;
        }

        return true;
    }

    /// <summary>Similarity of two tokens in [0, 1].</summary>
    public static double TokenSimilarity(in NameToken a, in NameToken b)
    {
        if (a.Written is not null && b.Written is not null && a.Script == b.Script)
        {
            return WrittenSimilarity(a.Written, b.Written, a.Script);
        }

        if (a.Text.Equals(b.Text, StringComparison.Ordinal))
        {
            return 1.0;
        }

        if (a.Kind is TokenKind.LegalForm or TokenKind.Stop || b.Kind is TokenKind.LegalForm or TokenKind.Stop)
        {
            return 0;
        }

        // Pinyin from Han characters has no typos: a letter of difference is another character, another name.
        if ((a.Script == TokenScript.Han) != (b.Script == TokenScript.Han))
        {
            return 0;
        }

        var x = a.Text;
        var y = b.Text;
        if (a.NameGroup >= 0 && a.NameGroup == b.NameGroup)
        {
            return 0.9;
        }

        if (a.HasDigit || b.HasDigit)
        {
            return 0;
        }

        var phonetic = 0.0;
        if ((a.Script == TokenScript.Hangul) != (b.Script == TokenScript.Hangul))
        {
            x = Phonetics.KoreanFold(x);
            y = Phonetics.KoreanFold(y);
            return x.Equals(y, StringComparison.Ordinal) ? 0.95 : 0;
        }

        if (a.Script == TokenScript.Abjad || b.Script == TokenScript.Abjad)
        {
            // Without written vowels, equal consonants are what an exact match looks like; but one or two
            // consonants agree by chance far more often than three.
            var skeleton = Phonetics.Skeleton(x);
            if (skeleton.Length >= 1 && skeleton.Equals(Phonetics.Skeleton(y), StringComparison.Ordinal))
            {
                phonetic = skeleton.Length >= 3 ? 0.9 : skeleton.Length == 2 ? AbjadTwoConsonants : Math.Max(x.Length, y.Length) <= 4 ? 0.8 : 0.6;
            }
        }

        if (x.Length >= 4 && x.Length == y.Length && IsReverse(x, y))
        {
            return 0.9;
        }

        if (x.Length == 1 || y.Length == 1)
        {
            return x[0] == y[0] && a.Kind == TokenKind.Name && b.Kind == TokenKind.Name ? InitialScore : phonetic;
        }

        var maxLength = Math.Max(x.Length, y.Length);
        var budget = maxLength <= 2 ? 0 : maxLength <= 5 ? 1 : maxLength <= 9 ? 2 : 3;
        if (Math.Abs(x.Length - y.Length) > budget)
        {
            return phonetic;
        }

        // Typos rarely hit both of the first two letters; checking them first skips most unrelated pairs cheaply.
        if (x[0] != y[0] && x[1] != y[1] && !(x[0] == y[1] && x[1] == y[0]))
        {
            return phonetic;
        }

        var distance = EditDistance.Bounded(x, y, budget);
        if (distance > budget)
        {
            return phonetic;
        }

        // Two or more edits in one word are a different name more often than a typo (Orban/Orbach, Sanchez/Sancho).
        var similarity = 1.0 - (0.7 * distance / maxLength) - (MultiEditPenalty * (distance - 1));
        if (x[0] != y[0])
        {
            similarity *= 0.95;
        }

        return Math.Max(similarity, phonetic);
    }

    /// <summary>Near-equal space-free cores ("FridrichBuchenberg" ~ "Friedrich Buchenberg"): one edit per 8 letters.</summary>
    static double CompactSimilarity(string a, string b)
    {
        var length = Math.Max(a.Length, b.Length);
        if (Math.Min(a.Length, b.Length) < 8 || length > 64)
        {
            return 0;
        }

        var budget = length / 8;
        var distance = EditDistance.Bounded(a, b, budget);
        return distance > budget ? 0 : 0.95 - (0.7 * distance / length);
    }

    /// <summary>Han compared character by character (homophones are different names); Hangul syllables must be equal.</summary>
    static double WrittenSimilarity(string a, string b, TokenScript script)
    {
        if (a.Equals(b, StringComparison.Ordinal))
        {
            return 1.0;
        }

        if (script == TokenScript.Hangul)
        {
            return 0;
        }

        var length = Math.Max(a.Length, b.Length);
        var distance = EditDistance.Bounded(a, b, 1);
        return length >= 3 && distance <= 1 ? 1.0 - (1.0 / length) : 0;
    }

    static int CoreCount(ReadOnlySpan<NameToken> tokens)
    {
        var count = 0;
        for (var k = 0; k < tokens.Length; k++)
        {
            count += tokens[k].Kind is TokenKind.Name or TokenKind.Generic or TokenKind.Location ? 1 : 0;
        }

        return count;
    }

    static bool HasScript(ReadOnlySpan<NameToken> tokens, TokenScript script)
    {
        for (var k = 0; k < tokens.Length; k++)
        {
            if (tokens[k].Script == script)
            {
                return true;
            }
        }

        return false;
    }

    static bool IsReverse(string x, string y)
    {
        for (var k = 0; k < x.Length; k++)
        {
            if (x[k] != y[^(k + 1)])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>An East Slavic patronymic (Viktorovich, Oleksandrovych, Vladimirovna), often left out of a name.</summary>
    static bool IsPatronymic(in NameToken token) =>
        token.Kind == TokenKind.Name && token.Text.Length >= 7
        && (token.Text.EndsWith("ovich", StringComparison.Ordinal) || token.Text.EndsWith("evich", StringComparison.Ordinal)
            || token.Text.EndsWith("ovych", StringComparison.Ordinal) || token.Text.EndsWith("evych", StringComparison.Ordinal)
            || token.Text.EndsWith("ovna", StringComparison.Ordinal) || token.Text.EndsWith("evna", StringComparison.Ordinal)
            || token.Text.EndsWith("ivna", StringComparison.Ordinal));

    /// <summary>Two query words joined by bin/ibn/ben/bint aligned in the reverse order ("Omar bin Abdullah" / "Abdullah bin Omar").</summary>
    static bool ParticleSwapped(ReadOnlySpan<NameToken> q, ReadOnlySpan<int> matchOfQuery)
    {
        for (var a = 0; a + 2 < q.Length; a++)
        {
            if (q[a + 1].Text is "bin" or "ibn" or "ben" or "bint" && matchOfQuery[a] >= 0 && matchOfQuery[a + 2] >= 0
                && matchOfQuery[a] > matchOfQuery[a + 2])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A joint-stock company's form: OAO/ZAO (OJSC/CJSC) became PAO/AO (PJSC/JSC) in Russia's 2014 civil-code reform
    /// (Federal Law No. 99-FZ of 5 May 2014), so lists and customers write one company with either.
    /// </summary>
    static bool HasJointStock(ReadOnlySpan<NameToken> tokens)
    {
        for (var k = 0; k < tokens.Length; k++)
        {
            var t = tokens[k];
            if (t.Kind == TokenKind.LegalForm && t.Text is "jsc" or "ojsc" or "pjsc" or "cjsc")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when the listed name has this token as written; tokens merged for the comparison ("hao li" = "haoli") are
    /// not counted, so their rarity is unknown and they are not taken as evidence of a specific name.
    /// </summary>
    static bool IsOwnToken(NormalizedName name, string text)
    {
        var tokens = TokenSpan(name.Tokens);
        for (var k = 0; k < tokens.Length; k++)
        {
            if (tokens[k].Text.Equals(text, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>1 for a token one listed party carries, 1/2 for four, 1/5 for seven, towards 0 for the commonest.</summary>
    static double Rareness(int count)
    {
        var excess = (Math.Max(count, 1) - 1) / 3.0;
        return 1.0 / (1.0 + (excess * excess));
    }

    /// <summary>One distinctive token that spells the initials of the other name ("PLA" = People's Liberation Army).</summary>
    static bool IsAcronymOf(ReadOnlySpan<NameToken> tokens, NormalizedName other)
    {
        NameToken? single = null;
        for (var k = 0; k < tokens.Length; k++)
        {
            var t = tokens[k];
            if (t.Kind is TokenKind.Name or TokenKind.Generic)
            {
                if (single is not null)
                {
                    return false;
                }

                single = t;
            }
        }

        return single is { } s && s.Text.Length >= 2 && other.Tokens.Count >= 2
            && (s.Text.Equals(other.Acronym, StringComparison.Ordinal) || s.Text.Equals(other.LongAcronym, StringComparison.Ordinal));
    }

    static bool SameDigits(string a, string b)
    {
        // Most names have no digit: one vectorised search of each string answers for them.
        var x = a.AsSpan();
        var y = b.AsSpan();
        while (true)
        {
            var i = x.IndexOfAnyInRange('0', '9');
            var j = y.IndexOfAnyInRange('0', '9');
            if (i < 0 || j < 0)
            {
                return i < 0 && j < 0;
            }

            if (x[i] != y[j])
            {
                return false;
            }

            x = x[(i + 1)..];
            y = y[(j + 1)..];
        }
    }

    /// <summary>The weight of a query token no listed token aligned with.</summary>
    static double UnmatchedQueryWeight(in NameToken token) => IsPatronymic(token) ? PatronymicWeight : Weight(token);

    /// <summary>
    /// The weight of a listed token the query leaves out: its own weight times a share that is small when the words the
    /// query matched are rare (a listed person's fuller name) and nearly whole when they are common ones many listed
    /// parties share; words other than names count at a fixed share, industry words and places in full when neither name
    /// has a distinctive word (<paramref name="anyDistinctive"/> false).
    /// </summary>
    static double UnmatchedListedWeight(in NameToken token, double specific, bool anyDistinctive) =>
        (IsPatronymic(token) ? PatronymicWeight : Weight(token)) * UnmatchedListedShare(token, specific, anyDistinctive);

    static double UnmatchedListedShare(in NameToken token, double specific, bool anyDistinctive) => token.Kind switch
    {
        TokenKind.Name => CommonExtraWeight - ((CommonExtraWeight - RareExtraWeight) * specific),
        TokenKind.Generic or TokenKind.Location when !anyDistinctive => 1.0,
        _ => ExtraListedWeight,
    };

    static bool HasName(ReadOnlySpan<NameToken> tokens)
    {
        foreach (ref readonly var token in tokens)
        {
            if (token.Kind == TokenKind.Name)
            {
                return true;
            }
        }

        return false;
    }

    static void Factor(ref double score, double factor, string reason, StringBuilder? explanation)
    {
        score *= factor;
        explanation?.Append("; x").Append(Number(factor)).Append(' ').Append(reason);
    }

    static void Raise(ref double score, double value, string reason, StringBuilder? explanation)
    {
        score = value;
        explanation?.Append("; ").Append(reason).Append(": score set to ").Append(Number(value));
    }

    /// <summary>A number of an explanation: four decimals, enough to redo the arithmetic to the score's precision.</summary>
    static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    static void Describe(StringBuilder sb, ReadOnlySpan<NameToken> q, ReadOnlySpan<NameToken> l, ReadOnlySpan<int> matchOfQuery,
        ReadOnlySpan<bool> listedUsed, ReadOnlySpan<double> sims, double specific, bool anyDistinctive)
    {
        sb.Append("aligned (similarity x weight):");
        for (var i = 0; i < q.Length; i++)
        {
            var j = matchOfQuery[i];
            if (j < 0)
            {
                continue;
            }

            var s = sims[(i * l.Length) + j];
            sb.Append(' ').Append(q[i].Text).Append(s >= 1.0 ? "=" : "~").Append(l[j].Text)
                .Append('(').Append(Number(s)).Append('x').Append(Number(Weight(q[i]) + Weight(l[j]))).Append(')');
        }

        var first = true;
        for (var i = 0; i < q.Length; i++)
        {
            if (matchOfQuery[i] < 0)
            {
                sb.Append(first ? "; unmatched query (weight): " : " ").Append(Label(q[i]))
                    .Append('(').Append(Number(UnmatchedQueryWeight(q[i]))).Append(')');
                first = false;
            }
        }

        first = true;
        for (var j = 0; j < l.Length; j++)
        {
            if (!listedUsed[j])
            {
                var header = anyDistinctive ? "; unmatched listed (weight x share): "
                    : "; unmatched listed (weight x share, terms and places in full as neither name has a distinctive word): ";
                sb.Append(first ? header : " ").Append(Label(l[j]))
                    .Append('(').Append(Number(IsPatronymic(l[j]) ? PatronymicWeight : Weight(l[j])))
                    .Append('x').Append(Number(UnmatchedListedShare(l[j], specific, anyDistinctive))).Append(')');
                first = false;
            }
        }
    }

    static string Label(NameToken token) => token.Kind switch
    {
        TokenKind.Name => token.Text,
        TokenKind.Generic => token.Text + "(term)",
        TokenKind.Location => token.Text + "(place)",
        TokenKind.LegalForm => token.Text + "(legal form)",
        TokenKind.Stop => token.Text + "(stopword)",
    };
}
