using System.Globalization;
using System.Text;

namespace Clearance.Screening;

/// <summary>An in-memory index of list names for candidate generation, and the screening of queries against it.</summary>
/// <remarks>
/// Every name and alias is indexed as a name of its own under four keys: its distinctive tokens, the character trigrams
/// of its space-free core (typos, split and joined words, pinyin with or without spaces), consonant skeletons (for
/// queries written in Arabic or Hebrew script) and Korean-romanisation folds, and its acronym. A query scores only the
/// names that share keys with it, never the whole list.
/// </remarks>
public sealed class ScreeningIndex
{
    const int TrigramSpace = 36 * 36 * 36;
    const int MaxCandidates = 16;
    const double CommonTrigramShare = 0.04;
    const double CommonTokenShare = 0.02;
    const double CountryMatchBonus = 0.03;
    const double CountryMismatchPenalty = 0.05;
    const double AddressBonus = 0.02;
    const double TypeMismatchFactor = 0.9;
    const double AdjustedCap = 0.995;

    readonly IndexedName[] _names;
    readonly int[] _trigramStart;
    readonly int[] _trigramNames;
    readonly PostingTable _tokens;
    readonly PostingTable _phonetic;
    readonly PostingTable _acronyms;
    readonly PostingTable _exact;
    readonly int _commonTrigramLimit;
    readonly int _commonTokenLimit;
    readonly ThreadLocal<Scratch> _scratch;
    readonly PartyType[] _entryTypes;
    readonly ListEntry[] _entries;

    ScreeningIndex(IReadOnlyList<ListEntry> entries, IndexedName[] names, int[] trigramStart, int[] trigramNames,
        PostingTable tokens, PostingTable phonetic, PostingTable acronyms, PostingTable exact)
    {
        _exact = exact;
        _commonTrigramLimit = Math.Max(200, (int)(names.Length * CommonTrigramShare));
        _names = names;
        _trigramStart = trigramStart;
        _trigramNames = trigramNames;
        _tokens = tokens;
        _phonetic = phonetic;
        _acronyms = acronyms;
        _commonTokenLimit = Math.Max(50, (int)(names.Length * CommonTokenShare));
        // An array, which the per-query loops index without an interface call.
        var entryArray = entries as ListEntry[] ?? [.. entries];
        _entries = entryArray;
        var lengths = new int[names.Length];
        for (var n = 0; n < names.Length; n++)
        {
            lengths[n] = names[n].Normalized.Compact.Length;
        }

        _scratch = new ThreadLocal<Scratch>(() => new Scratch(names, lengths, entryArray));
        Rarity = TokenRarity.FromPostings(tokens, names, entries.Count);
        _entryTypes = new PartyType[entries.Count];
        for (var e = 0; e < entries.Count; e++)
        {
            _entryTypes[e] = entries[e].Type;
        }
    }

    /// <summary>Counts every trigram list in full instead of only adding to names found elsewhere once the lists left
    /// cannot change the candidates: the plain count the shortcut must equal, for tests.</summary>
    internal bool CountEveryList { get; set; }

    /// <summary>The indexed entries.</summary>
    public IReadOnlyList<ListEntry> Entries => _entries;

    /// <summary>How many of the indexed entries carry each token; the scorer weighs matches of common tokens less.</summary>
    public TokenRarity Rarity { get; }

    /// <summary>The number of indexed names (primary names, aliases and derived forms).</summary>
    public int NameCount => _names.Length;

    /// <summary>Indexed name <paramref name="name"/>, for tests.</summary>
    internal IndexedName NameAt(int name) => _names[name];

    /// <summary>Each indexed name's normalised form by what it normalised: the written name and its entry's type.</summary>
    Dictionary<(string Written, PartyType Type), NormalizedName> NormalizedNames()
    {
        var known = new Dictionary<(string, PartyType), NormalizedName>(_names.Length);
        foreach (var name in _names)
        {
            known.TryAdd((name.Written, _entryTypes[name.Entry]), name.Normalized);
        }

        return known;
    }

    /// <summary>Builds the index over the entries, normalising them in a parallel loop with <paramref name="parallel"/>
    /// (its scheduler: the threads the work runs on; the thread pool when null), and taking the normalised form of each
    /// name written and typed as one of <paramref name="previous"/>'s from it instead of normalising it again.</summary>
    /// <remarks>Normalising is a function of the written name and the entry's type only, and it is most of the build. A
    /// new version of one list then normalises only the names that list changed, and the next index shares the rest with
    /// the one in use: far fewer new long-lived objects, which the runtime would otherwise copy from generation to
    /// generation while orders wait (bench/README.md, "Orders behind an import: a pass's first batch prepared, and fewer
    /// new objects per index").</remarks>
    public static ScreeningIndex Build(IReadOnlyList<ListEntry> entries, ParallelOptions? parallel = null, ScreeningIndex? previous = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        parallel ??= new ParallelOptions();
        var known = previous?.NormalizedNames();

        // Normalising the names is most of the build; entries are independent, so they are normalised on all cores and
        // their names concatenated in entry order, which keeps the index the same as a one-thread build.
        var perEntry = new List<IndexedName>[entries.Count];
        Parallel.For(0, entries.Count, parallel, () => new HashSet<string>(StringComparer.Ordinal), (e, _, seen) =>
        {
            seen.Clear();
            var entry = entries[e];
            var own = new List<IndexedName>();
            foreach (var (written, derived) in NamesOf(entry))
            {
                if (written.Length == 0 || written.Length > NameNormalizer.MaxLength)
                {
                    continue;
                }

                var normalized = known is not null && known.TryGetValue((written, entry.Type), out var same)
                    ? same
                    : NameNormalizer.NormalizePrimary(written, entry.Type);
                if (!normalized.IsEmpty && seen.Add(normalized.Full))
                {
                    own.Add(new IndexedName(e, written, normalized, derived));
                }
            }

            perEntry[e] = own;
            return seen;
        }, _ => { });
        var names = new List<IndexedName>(perEntry.Sum(p => p.Count));
        foreach (var own in perEntry)
        {
            names.AddRange(own);
        }

        var trigramCounts = new int[TrigramSpace + 1];
        var tokenLists = new PostingTable.Builder();
        var phoneticLists = new PostingTable.Builder();
        var acronymLists = new PostingTable.Builder();
        var exactLists = new PostingTable.Builder();
        var trigramBuffer = new List<int>();
        for (var n = 0; n < names.Count; n++)
        {
            var normalized = names[n].Normalized;
            exactLists.Add(normalized.Full, n);
            Trigrams(normalized.Compact, trigramBuffer);
            foreach (var t in trigramBuffer)
            {
                trigramCounts[t + 1]++;
            }

            foreach (var token in normalized.Tokens)
            {
                if (token.Kind is TokenKind.LegalForm or TokenKind.Stop)
                {
                    continue;
                }

                tokenLists.Add(token.Text, n);
                if (token.Kind == TokenKind.Name && token.Text.Length >= 2)
                {
                    phoneticLists.Add("s:" + Phonetics.Skeleton(token.Text), n);
                    phoneticLists.Add("k:" + Phonetics.KoreanFold(token.Text), n);
                }
            }

            if (normalized.Acronym.Length >= 3)
            {
                acronymLists.Add(normalized.Acronym, n);
            }

            if (normalized.LongAcronym.Length >= 3)
            {
                acronymLists.Add(normalized.LongAcronym, n);
            }
        }

        for (var i = 1; i < trigramCounts.Length; i++)
        {
            trigramCounts[i] += trigramCounts[i - 1];
        }

        var trigramNames = new int[trigramCounts[^1]];
        var fill = (int[])trigramCounts.Clone();
        for (var n = 0; n < names.Count; n++)
        {
            Trigrams(names[n].Normalized.Compact, trigramBuffer);
            foreach (var t in trigramBuffer)
            {
                trigramNames[fill[t]++] = n;
            }
        }

        return new ScreeningIndex(entries, [.. names], trigramCounts, trigramNames, tokenLists.Build(), phoneticLists.Build(),
            acronymLists.Build(), exactLists.Build());
    }

    /// <summary>Writes the indexed names and every posting list; entries are referred to by their position in <see cref="Entries"/>.</summary>
    /// <remarks><see cref="Read"/> turns the snapshot back into an index that screens exactly like this one.</remarks>
    public void Write(SnapshotWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Int(_names.Length);
        foreach (var name in _names)
        {
            writer.Int(name.Entry);
            writer.String(name.Written);
            writer.String(name.Derived);
            writer.Int(name.Normalized.Tokens.Count);
            foreach (var token in name.Normalized.Tokens)
            {
                writer.String(token.Text);
                writer.Int((int)token.Kind);
                writer.Int((int)token.Script);
                writer.String(token.Written);
                writer.Int(token.NameGroup + 1);
                writer.Int(token.HasDigit ? 1 : 0);
            }
        }

        writer.Ints(_trigramStart);
        writer.Ints(_trigramNames);
        foreach (var postings in (PostingTable[])[_tokens, _phonetic, _acronyms, _exact])
        {
            writer.Int(postings.Count);
            foreach (var (key, start, length) in postings.Ranges)
            {
                writer.String(key);
                writer.Ints(postings.Names(start, length));
            }
        }
    }

    /// <summary>Reads an index written by <see cref="Write"/> over the same <paramref name="entries"/>.</summary>
    /// <exception cref="InvalidDataException">The snapshot is inconsistent with itself or with the entries.</exception>
    public static ScreeningIndex Read(SnapshotReader reader, IReadOnlyList<ListEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(entries);
        var names = new IndexedName[reader.Count(int.MaxValue / 8)];
        for (var n = 0; n < names.Length; n++)
        {
            var entry = reader.Int();
            if (entry >= entries.Count)
            {
                throw new InvalidDataException($"snapshot name {n} refers to entry {entry} of {entries.Count}");
            }

            var written = reader.String();
            var derived = reader.String();
            // A List, as the normaliser makes: the scorer's interface calls stay the ones a fresh build gives.
            var tokenCount = reader.Count(NameNormalizer.MaxLength);
            var tokens = new List<NameToken>(tokenCount);
            for (var t = 0; t < tokenCount; t++)
            {
                var text = reader.String();
                var kind = (TokenKind)reader.Int();
                var script = (TokenScript)reader.Int();
                if (!Enum.IsDefined(kind) || !Enum.IsDefined(script))
                {
                    throw new InvalidDataException($"snapshot name {n}: unknown token kind or script");
                }

                tokens.Add(new NameToken(text, kind, script, reader.NullableString())
                {
                    NameGroup = reader.Int() - 1,
                    HasDigit = reader.Int() != 0,
                });
            }

            names[n] = new IndexedName(entry, written, new NormalizedName(tokens), derived);
        }

        var trigramStart = reader.Ints();
        var trigramNames = reader.Ints();
        if (trigramStart.Length != TrigramSpace + 1 || trigramStart[0] != 0 || trigramStart[^1] != trigramNames.Length)
        {
            throw new InvalidDataException("snapshot trigram table has the wrong shape");
        }

        for (var t = 1; t < trigramStart.Length; t++)
        {
            if (trigramStart[t] < trigramStart[t - 1])
            {
                throw new InvalidDataException("snapshot trigram table is not ordered");
            }
        }

        CheckPostings(trigramNames, names.Length);
        for (var t = 0; t < TrigramSpace; t++)
        {
            CheckAscending(trigramNames.AsSpan(trigramStart[t], trigramStart[t + 1] - trigramStart[t]));
        }

        var dictionaries = new PostingTable[4];
        for (var d = 0; d < dictionaries.Length; d++)
        {
            var count = reader.Count(int.MaxValue / 8);
            var postings = new PostingTable.Builder();
            for (var k = 0; k < count; k++)
            {
                var key = reader.String();
                var list = reader.Ints();
                CheckPostings(list, names.Length);
                CheckAscending(list);
                if (!postings.TryAddAll(key, list))
                {
                    throw new InvalidDataException($"snapshot posting key '{key}' repeated");
                }
            }

            dictionaries[d] = postings.Build();
        }

        return new ScreeningIndex(entries, names, trigramStart, trigramNames, dictionaries[0], dictionaries[1], dictionaries[2],
            dictionaries[3]);
    }

    static void CheckPostings(int[] postings, int names)
    {
        foreach (var n in postings)
        {
            if ((uint)n >= (uint)names)
            {
                throw new InvalidDataException($"snapshot posting {n} is not one of the {names} names");
            }
        }
    }

    /// <summary>Each list's names ascending, as <see cref="Build"/> makes them; candidate order relies on it.</summary>
    static void CheckAscending(ReadOnlySpan<int> postings)
    {
        for (var i = 1; i < postings.Length; i++)
        {
            if (postings[i] <= postings[i - 1])
            {
                throw new InvalidDataException("snapshot posting list is not in ascending order");
            }
        }
    }

    /// <summary>The names an entry is screened under: primary, aliases, and forms derived from parentheticals.</summary>
    static IEnumerable<(string Written, string Derived)> NamesOf(ListEntry entry)
    {
        yield return (entry.Name, "");
        foreach (var alias in entry.Aliases)
        {
            yield return (alias, "");
        }

        foreach (var name in entry.Aliases.Prepend(entry.Name))
        {
            var open = name.IndexOf('(', StringComparison.Ordinal);
            var close = open < 0 ? -1 : name.IndexOf(')', open + 1);
            if (open < 0 || close < 0)
            {
                continue;
            }

            var inside = name[(open + 1)..close].Trim();
            var outside = (name[..open] + " " + name[(close + 1)..]).Trim();
            if (IsAcronym(inside))
            {
                yield return (inside, "acronym in parentheses of '" + name + "'");
            }

            if (outside.Length > 0)
            {
                yield return (outside, "without the parenthetical of '" + name + "'");
            }
        }
    }

    static bool IsAcronym(string text) =>
        text.Length is >= 3 and <= 10 && text.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '-')
        && text.Any(char.IsAsciiLetterUpper);

    static void Trigrams(string compact, List<int> output)
    {
        output.Clear();
        for (var i = 0; i + 2 < compact.Length; i++)
        {
            var a = Code(compact[i]);
            var b = Code(compact[i + 1]);
            var c = Code(compact[i + 2]);
            if (a < 0 || b < 0 || c < 0)
            {
                continue;
            }

            var id = (((a * 36) + b) * 36) + c;
            if (!output.Contains(id))
            {
                output.Add(id);
            }
        }
    }

    static int Code(char c) => c is >= 'a' and <= 'z' ? c - 'a' : c is >= '0' and <= '9' ? 26 + (c - '0') : -1;

    /// <summary>Screens one party and returns up to <paramref name="top"/> entries, best first.</summary>
    public IReadOnlyList<ScreeningMatch> Screen(ScreeningQuery query, int top = 1) => Screen(query, top, 0);

    /// <summary>Screens one party and returns those of its <paramref name="top"/> best entries whose score is at least
    /// <paramref name="minimumScore"/>, best first: the same matches as <see cref="Screen(ScreeningQuery, int)"/> keeps
    /// at that score, without writing the explanations of the others (a re-screening pass keeps only hits).</summary>
    public IReadOnlyList<ScreeningMatch> Screen(ScreeningQuery query, int top, double minimumScore)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        var readings = NameNormalizer.Normalize(query.Name, query.Type);
        var scratch = _scratch.Value!;
        scratch.BestByEntry.Clear();
        for (var r = 0; r < readings.Count; r++)
        {
            var reading = readings[r];
            if (reading.IsEmpty)
            {
                continue;
            }

            foreach (var n in Candidates(reading, scratch))
            {
                var score = NameScorer.Score(reading, _names[n].Normalized, PairType(query.Type, _entryTypes[_names[n].Entry]), Rarity);
                if (score <= 0)
                {
                    continue;
                }

                // An entry is represented by its best-scoring name; between equal scores, the earlier reading of the
                // query, then the name the index holds first (primary, then aliases in list order, then derived forms),
                // so which name explains a match never depends on the order the candidates were counted in.
                var entry = _names[n].Entry;
                if (!scratch.BestByEntry.TryGetValue(entry, out var best) || score > best.Score
                    || (score == best.Score && ReferenceEquals(reading, best.Reading) && n < best.Name))
                {
                    scratch.BestByEntry[entry] = (score, n, reading);
                }
            }
        }

        // Every entry found is ranked by its adjusted score; the text of the adjustments is written only for those returned.
        var ranked = scratch.Ranked;
        ranked.Clear();
        var country = query.Country?.Trim().ToUpperInvariant() ?? "";
        List<string>? addressWords = null;
        foreach (var (entry, best) in scratch.BestByEntry)
        {
            var adjusted = Adjust(best.Score, _entries[entry], query, _names[best.Name].Normalized, country, ref addressWords, null);
            ranked.Add((adjusted, best.Score, best.Name, best.Reading));
        }

        ranked.Sort(scratch.ByRank);
        var results = new List<ScreeningMatch>(Math.Min(top, ranked.Count));
        for (var r = 0; r < Math.Min(top, ranked.Count); r++)
        {
            var (score, nameScore, n, reading) = ranked[r];
            if (Math.Round(score, 4) < minimumScore)
            {
                // Ranked best first: no later entry reaches the minimum either.
                break;
            }

            var name = _names[n];
            var explanation = TextBuilders.Take();
            explanation.Append(name.Written.Equals(_entries[name.Entry].Name, StringComparison.Ordinal) ? "primary name" : "alias")
                .Append(" '").Append(name.Written).Append('\'');
            if (name.Derived.Length > 0)
            {
                explanation.Append(" (").Append(name.Derived).Append(')');
            }

            explanation.Append(": ");
            var comparison = NameScorer.Explain(reading, name.Normalized, PairType(query.Type, _entries[name.Entry].Type), Rarity, explanation);
            explanation.Append("; name score ").Append(Number(comparison));
            Adjust(nameScore, _entries[name.Entry], query, name.Normalized, country, ref addressWords, explanation);
            results.Add(new ScreeningMatch(_entries[name.Entry], name.Written, Math.Round(score, 4), TextBuilders.Release(explanation)));
        }

        return results;
    }

    /// <summary>
    /// The order of screening results: higher score first; between equal scores, an entry matched on a name its list
    /// writes before one matched only on a form the index derived (an acronym taken out of parentheses, which many
    /// entries share), then by list name, then by entry id (ordinal), then by position among the entries (the same list
    /// and id loaded twice), so the entries a screen returns never depend on how a sort treats ties.
    /// </summary>
    internal static int Rank(double scoreA, bool derivedA, ListEntry a, int positionA, double scoreB, bool derivedB, ListEntry b, int positionB)
    {
        var byScore = scoreB.CompareTo(scoreA);
        if (byScore != 0)
        {
            return byScore;
        }

        if (derivedA != derivedB)
        {
            return derivedA ? 1 : -1;
        }

        var byList = string.CompareOrdinal(a.List, b.List);
        if (byList != 0)
        {
            return byList;
        }

        var byId = string.CompareOrdinal(a.Id, b.Id);
        return byId != 0 ? byId : positionA.CompareTo(positionB);
    }

    static PartyType PairType(PartyType query, PartyType listed) =>
        query == PartyType.Individual || listed == PartyType.Individual ? PartyType.Individual : query;

    /// <summary>The name score adjusted for type, country and address; what was adjusted is appended to
    /// <paramref name="context"/> when given. The query's address words are worked out once per query, when first needed.</summary>
    static double Adjust(double nameScore, ListEntry entry, ScreeningQuery query, NormalizedName listedName, string country,
        ref List<string>? addressWords, StringBuilder? context)
    {
        var score = nameScore;
        // A person is not a company: a person's name that resembles a listed organisation (or the reverse) is weaker
        // evidence. Organisations are known by their listed type or by a legal form in the matched name.
        var typeMismatch = nameScore < 1.0
            && ((query.Type == PartyType.Individual && IsOrganisation(entry, listedName))
                || (query.Type is PartyType.Entity or PartyType.Vessel or PartyType.Aircraft && entry.Type == PartyType.Individual));
        var hasAddress = !string.IsNullOrWhiteSpace(query.Address) && entry.Addresses.Count > 0 && nameScore < 1.0;
        if (!typeMismatch && !hasAddress && (country.Length == 0 || entry.Countries.Count == 0))
        {
            return score;
        }

        if (typeMismatch)
        {
            score *= TypeMismatchFactor;
            context?.Append("; x").Append(Number(TypeMismatchFactor)).Append(" screened as ")
                .Append(query.Type == PartyType.Individual ? "a person" : "an organisation")
                .Append(", listed as ").Append(query.Type == PartyType.Individual ? "an organisation" : "a person");
        }

        if (country.Length > 0 && entry.Countries.Count > 0)
        {
            var same = false;
            // By index, with no closure: this runs for every entry ranked that lists a country.
            for (var c = 0; c < entry.Countries.Count && !same; c++)
            {
                same = entry.Countries[c].Equals(country, StringComparison.Ordinal);
            }

            if (nameScore >= 1.0)
            {
                context?.Append(same ? "; country " + country + " listed" : "; country " + country + " not listed (exact name: not lowered)");
            }
            else if (same)
            {
                score = Math.Min(AdjustedCap, score + CountryMatchBonus);
                context?.Append("; +").Append(Number(CountryMatchBonus)).Append(" country ").Append(country).Append(" listed");
                Capped(score, context);
            }
            else
            {
                score = Math.Max(0, score - CountryMismatchPenalty);
                context?.Append("; -").Append(Number(CountryMismatchPenalty)).Append(" country ").Append(country).Append(" not listed: ")
                    .AppendJoin(' ', entry.Countries);
            }
        }

        if (hasAddress)
        {
            var words = addressWords ??= AddressWords(query.Address!);
            var listed = new HashSet<string>(entry.Addresses.SelectMany(a => AddressWords(a.ToString())), StringComparer.Ordinal);
            if (words.Count > 0 && words.Count(listed.Contains) * 2 >= words.Count)
            {
                score = Math.Min(AdjustedCap, score + AddressBonus);
                context?.Append("; +").Append(Number(AddressBonus)).Append(" address shares most words with a listed address");
                Capped(score, context);
            }
        }

        return score;
    }

    static void Capped(double score, StringBuilder? context)
    {
        if (score >= AdjustedCap)
        {
            context?.Append("; capped at ").Append(Number(AdjustedCap)).Append(" (only the same name scores 1)");
        }
    }

    /// <summary>A number of an explanation: four decimals, enough to redo the arithmetic to the score's precision.</summary>
    static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    static bool IsOrganisation(ListEntry entry, NormalizedName listedName)
    {
        if (entry.Type is PartyType.Entity or PartyType.Vessel or PartyType.Aircraft)
        {
            return true;
        }

        if (entry.Type != PartyType.Unknown)
        {
            return false;
        }

        // By index: this runs for every entry ranked, and enumerating the interface would allocate.
        var tokens = listedName.Tokens;
        for (var t = 0; t < tokens.Count; t++)
        {
            if (tokens[t].Kind == TokenKind.LegalForm)
            {
                return true;
            }
        }

        return false;
    }

    static List<string> AddressWords(string address) =>
        [.. NameNormalizer.NormalizePrimary(address.Length > NameNormalizer.MaxLength ? address[..NameNormalizer.MaxLength] : address)
            .Tokens.Where(t => t.Text.Length >= 3).Select(t => t.Text).Distinct(StringComparer.Ordinal)];

    /// <summary>The candidate names of one reading, by their numbers in the index, for tests.</summary>
    internal List<int> CandidatesOf(NormalizedName reading) => [.. Candidates(reading, _scratch.Value!)];

    List<int> Candidates(NormalizedName reading, Scratch scratch)
    {
        var counter = scratch.Counter;
        Trigrams(reading.Compact, scratch.Trigrams);

        // Trigrams shared by a large share of all names ("ing", "ion") say little and cost most; skip them.
        var rare = scratch.Rare;
        rare.Clear();
        foreach (var t in scratch.Trigrams)
        {
            if (_trigramStart[t + 1] - _trigramStart[t] <= _commonTrigramLimit)
            {
                rare.Add(t);
            }
        }

        // A name is a candidate when it shares half the rare trigrams or four (a token or key hit counts four); of the
        // candidates, the MaxCandidates counted most are kept, the shorter first of names counted as often. The token and
        // key lists are counted first, then the trigram lists from the shortest. Once the trigram lists left are too few
        // to bring a name found in none of the lists counted so far to the count needed (k - 1 lists for a count of k),
        // or to more than the count of as many names as are kept, those lists only add to names already found: a name
        // first met there can be neither a candidate nor among those kept, so the same candidates and counts come out for
        // a fraction of the work, the longest lists being most of it.
        var minimum = Math.Max(1, (int)Math.Ceiling(rare.Count * 0.5));
        var needed = Math.Min(minimum, 4);
        var tokens = reading.Tokens;
        counter.Start(needed, rare.Count + (4 * ((3 * tokens.Count) + 1)));
        var list = rare.Count;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Kind is TokenKind.LegalForm or TokenKind.Stop)
            {
                continue;
            }

            if (_tokens.TryGetValue(token.Text, out var postings) && postings.Length <= _commonTokenLimit)
            {
                counter.Touch(postings, list++, 4);
            }

            if (token.Script is TokenScript.Abjad && _phonetic.TryGetValue("s:" + Phonetics.Skeleton(token.Text), out var skeleton)
                && skeleton.Length <= _commonTokenLimit)
            {
                counter.Touch(skeleton, list++, 4);
            }

            if (token.Script is TokenScript.Hangul && _phonetic.TryGetValue("k:" + Phonetics.KoreanFold(token.Text), out var korean)
                && korean.Length <= _commonTokenLimit)
            {
                counter.Touch(korean, list++, 4);
            }
        }

        if (reading.Tokens.Count == 1 && _acronyms.TryGetValue(reading.Tokens[0].Text, out var acronym))
        {
            counter.Touch(acronym, list, 4);
        }

        var byLength = scratch.ByLength;
        byLength.Clear();
        for (var k = 0; k < rare.Count; k++)
        {
            byLength.Add(((long)Postings(rare[k]).Length << 32) | (uint)k);
        }

        byLength.Sort();
        var addFrom = byLength.Count;
        for (var o = 0; o < byLength.Count; o++)
        {
            var left = byLength.Count - o;
            if (!CountEveryList && (left < needed || counter.CountAbove(left) >= MaxCandidates))
            {
                addFrom = o;
                break;
            }

            var k = (int)byLength[o];
            counter.Touch(Postings(rare[k]), k, 1);
        }

        for (var o = addFrom; o < byLength.Count; o++)
        {
            var k = (int)byLength[o];
            counter.Increment(Postings(rare[k]), k);
        }

        var result = scratch.Result;
        result.Clear();
        counter.Collect(result, MaxCandidates);

        // The same normalised name is always a candidate, however common its words.
        if (_exact.TryGetValue(reading.Full, out var exact))
        {
            foreach (var n in exact)
            {
                if (!result.Contains(n))
                {
                    result.Add(n);
                }
            }
        }

        counter.Clear();
        return result;
    }

    ReadOnlySpan<int> Postings(int trigram) =>
        _trigramNames.AsSpan(_trigramStart[trigram], _trigramStart[trigram + 1] - _trigramStart[trigram]);

    sealed class Scratch
    {
        public Scratch(IndexedName[] names, int[] lengths, ListEntry[] entries)
        {
            Counter = new CandidateCounter(lengths);
            ByRank = (a, b) => Rank(a.Score, names[a.Name].Derived.Length > 0, entries[names[a.Name].Entry], names[a.Name].Entry,
                b.Score, names[b.Name].Derived.Length > 0, entries[names[b.Name].Entry], names[b.Name].Entry);
        }

        public CandidateCounter Counter { get; }
        public List<int> Result { get; } = [];
        public List<(double Score, double NameScore, int Name, NormalizedName Reading)> Ranked { get; } = [];
        public Comparison<(double Score, double NameScore, int Name, NormalizedName Reading)> ByRank { get; }
        public List<int> Trigrams { get; } = [];
        public List<int> Rare { get; } = [];
        public List<long> ByLength { get; } = [];
        public Dictionary<int, (double Score, int Name, NormalizedName Reading)> BestByEntry { get; } = [];
    }
}
