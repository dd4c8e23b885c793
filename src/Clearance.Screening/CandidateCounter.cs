namespace Clearance.Screening;

/// <summary>
/// One thread's counts of how often each indexed name occurs in the posting lists of one query's keys, kept so that the
/// candidates come out exactly as a plain count over every list gives them: the same names, the same counts, and in the
/// order a plain count first meets them (by the first list holding the name, then by name, posting lists being ordered).
/// </summary>
/// <param name="lengths">Each name's length (the letters of its compact form): of names counted as often, the shorter is
/// kept first, having fewer letters the query lacks (the rule of a similarity such as Dice's at equal shared counts), so
/// a parent's name is not crowded out by the longer names of its listed subsidiaries that contain it.</param>
/// <remarks>
/// Lists are numbered in the order a plain count walks them. <see cref="Touch"/> counts every name of a list;
/// <see cref="Increment"/> counts only names some earlier <see cref="Touch"/> met, which is all a caller needs for lists
/// that cannot alone bring a name to the count it asks for (a name in none of the touched lists and in at most k - 1 other
/// lists never reaches k). Whether a name was met in this query is a bit set that stays in the first-level cache and is
/// cleared between queries; a name met for the first time has its count and first list written without reading them, so
/// most postings cost a store and a bit, not a load from the larger slot array. The names reaching the count asked for
/// are noted in a list as they reach it, so that collecting them visits only them.
/// </remarks>
sealed class CandidateCounter(int[] lengths)
{
    // A length takes the top bits of a rank key, above the first list (16 bits) and the name (32 bits).
    const int LongestLength = 0x7FFF;

    readonly Slot[] _slots = new Slot[lengths.Length];
    readonly ulong[] _touchedBits = new ulong[(lengths.Length + 63) / 64];
    readonly int[] _reached = new int[lengths.Length];
    int _reachedCount;
    int[] _picked = new int[256];
    int _minimum = int.MaxValue;
    int _most;
    int[] _histogram = new int[64];
    long[] _keys = new long[64];
    int[] _byCount = new int[64];

    /// <summary>Starts a query whose candidates are the names counted at least <paramref name="minimum"/> times, where no
    /// name can be counted more than <paramref name="most"/> times.</summary>
    public void Start(int minimum, int most)
    {
        _minimum = minimum;
        if (_histogram.Length <= most)
        {
            _histogram = new int[most + 1];
        }

        _most = most;
    }

    /// <summary>How many names <see cref="Touch"/> has counted more than <paramref name="count"/> times so far (the counts
    /// <see cref="Increment"/> adds are not included).</summary>
    public int CountAbove(int count)
    {
        var above = 0;
        for (var c = count + 1; c <= _most; c++)
        {
            above += _histogram[c];
        }

        return above;
    }

    /// <summary>Counts every name of <paramref name="postings"/> (list number <paramref name="list"/>) by <paramref name="weight"/>.</summary>
    /// <remarks>Most names of a list are met for the first time; they are added to the histogram once, after the loop,
    /// and the names reaching the minimum are noted through locals, so that no posting waits on the memory written by
    /// the one before it.</remarks>
    public void Touch(ReadOnlySpan<int> postings, int list, int weight)
    {
        var slots = _slots;
        var touched = _touchedBits;
        var histogram = _histogram;
        var minimum = _minimum;
        var reached = _reached;
        var reachedCount = _reachedCount;
        var fresh = 0;
        var freshReaches = weight >= minimum;
        foreach (var n in postings)
        {
            ref var word = ref touched[n >> 6];
            var bit = 1UL << n;
            ref var slot = ref slots[n];
            if ((word & bit) == 0)
            {
                word |= bit;
                slot = new Slot(weight, list);
                fresh++;
                if (freshReaches)
                {
                    reached[reachedCount++] = n;
                }
            }
            else
            {
                var before = slot.Count;
                var after = before + weight;
                slot.Count = after;
                if (list < slot.List)
                {
                    slot.List = list;
                }

                histogram[before]--;
                histogram[after]++;
                if (before < minimum && after >= minimum)
                {
                    reached[reachedCount++] = n;
                }
            }
        }

        histogram[weight] += fresh;
        _reachedCount = reachedCount;
    }

    /// <summary>Counts by one those names of <paramref name="postings"/> (list number <paramref name="list"/>) already touched.</summary>
    /// <remarks>Whether a posting's name was touched is as good as random, so the names touched are first picked out
    /// without a branch (every posting is written, the write position moving on only for a touched name), and only
    /// those are counted: a mispredicted branch per touched name cost more than the whole pick.</remarks>
    public void Increment(ReadOnlySpan<int> postings, int list)
    {
        if (_picked.Length < postings.Length)
        {
            _picked = new int[Math.Max(postings.Length, _picked.Length * 2)];
        }

        var touched = _touchedBits;
        var picked = _picked;
        var found = 0;
        foreach (var n in postings)
        {
            picked[found] = n;
            found += (int)((touched[n >> 6] >> n) & 1);
        }

        var slots = _slots;
        var minimum = _minimum;
        var reached = _reached;
        var reachedCount = _reachedCount;
        foreach (var n in picked.AsSpan(0, found))
        {
            ref var slot = ref slots[n];
            if (list < slot.List)
            {
                slot.List = list;
            }

            if (++slot.Count == minimum)
            {
                reached[reachedCount++] = n;
            }
        }

        _reachedCount = reachedCount;
    }

    /// <summary>Adds the names counted at least the minimum number of times to <paramref name="result"/>, in the order a
    /// plain count over the lists by their numbers would first have met them (by first list, then by name); when there
    /// are more than <paramref name="keep"/>, only the <paramref name="keep"/> ranked first by count descending, then
    /// length ascending, then first list, then name, and in that order.</summary>
    /// <remarks>The rule is a total order, so which names are kept cannot depend on how ties are treated. Only the kept
    /// names are put in order: the counts are small integers, so the count at the cut is found from their histogram,
    /// every name counted more is kept, and of the names at the cut count those first in (length, first list, name) order
    /// are picked in one pass that holds the best so far.</remarks>
    public void Collect(List<int> result, int keep = int.MaxValue)
    {
        var reached = _reached.AsSpan(0, _reachedCount);
        var slots = _slots;
        if (reached.Length <= keep)
        {
            var all = Keys(reached.Length);
            for (var r = 0; r < reached.Length; r++)
            {
                all[r] = FirstListOrder(reached[r]);
            }

            all.Sort();
            foreach (var key in all)
            {
                result.Add((int)key);
            }

            return;
        }

        var most = 0;
        foreach (var n in reached)
        {
            most = Math.Max(most, slots[n].Count);
        }

        if (_byCount.Length <= most)
        {
            _byCount = new int[Math.Max(most + 1, _byCount.Length * 2)];
        }

        var byCount = _byCount.AsSpan(0, most + 1);
        byCount.Clear();
        foreach (var n in reached)
        {
            byCount[slots[n].Count]++;
        }

        var cut = most;
        var above = 0;
        while (above + byCount[cut] < keep)
        {
            above += byCount[cut];
            cut--;
        }

        // The names counted more than the cut are kept; of those at the cut, the keep - above first in (length, first
        // list, name) order, held sorted at the end of the keys as they are met.
        var keys = Keys(keep);
        var atCut = keep - above;
        var ties = keys[above..];
        var kept = 0;
        var tied = 0;
        foreach (var n in reached)
        {
            var count = slots[n].Count;
            if (count > cut)
            {
                keys[kept++] = RankOrder(n);
            }
            else if (count == cut)
            {
                var key = RankOrder(n);
                if (tied < atCut)
                {
                    tied++;
                }
                else if (key >= ties[atCut - 1])
                {
                    continue;
                }

                var at = tied - 1;
                while (at > 0 && ties[at - 1] > key)
                {
                    ties[at] = ties[at - 1];
                    at--;
                }

                ties[at] = key;
            }
        }

        // In (length, first list, name) order, then stably by count descending.
        var ordered = keys[..keep];
        ordered.Sort();
        for (var i = 1; i < ordered.Length; i++)
        {
            var key = ordered[i];
            var count = slots[(int)key].Count;
            var j = i - 1;
            while (j >= 0 && slots[(int)ordered[j]].Count < count)
            {
                ordered[j + 1] = ordered[j];
                j--;
            }

            ordered[j + 1] = key;
        }

        foreach (var key in ordered)
        {
            result.Add((int)key);
        }
    }

    /// <summary>A name's place in the order a plain count first meets names: by first list, then by name.</summary>
    long FirstListOrder(int n) => ((long)_slots[n].List << 32) | (uint)n;

    /// <summary>A name's place among names counted as often: by length, then by first list, then by name.</summary>
    long RankOrder(int n) => ((long)Math.Min(lengths[n], LongestLength) << 48) | FirstListOrder(n);

    Span<long> Keys(int count)
    {
        if (_keys.Length < count)
        {
            _keys = new long[Math.Max(count, _keys.Length * 2)];
        }

        return _keys.AsSpan(0, count);
    }

    /// <summary>Forgets every count, ready for the next query.</summary>
    public void Clear()
    {
        _reachedCount = 0;
        Array.Clear(_histogram, 0, Math.Min(_histogram.Length, _most + 1));
        Array.Clear(_touchedBits);
    }

    record struct Slot(int Count, int List);
}
