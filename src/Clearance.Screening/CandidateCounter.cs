using System.Numerics;

namespace Clearance.Screening;

/// <summary>
/// One thread's counts of how often each indexed name occurs in the posting lists of one query's keys, kept so that the
/// candidates come out exactly as a plain count over every list gives them: the same names, the same counts, and in the
/// order a plain count first meets them (by the first list holding the name, then by name, posting lists being ordered).
/// </summary>
/// <remarks>
/// Lists are numbered in the order a plain count walks them. <see cref="Touch"/> counts every name of a list;
/// <see cref="Increment"/> counts only names some earlier <see cref="Touch"/> met, which is all a caller needs for lists
/// that cannot alone bring a name to the count it asks for (a name in none of the touched lists and in at most k - 1 other
/// lists never reaches k). Whether a name was met in this query is a bit set that stays in the first-level cache and is
/// cleared between queries; a name met for the first time has its count and first list written without reading them, so
/// most postings cost a store and a bit, not a load from the larger slot array. The names reaching the count asked for
/// are noted in a second bit set as they reach it.
/// </remarks>
sealed class CandidateCounter(int names)
{
    readonly Slot[] _slots = new Slot[names];
    readonly ulong[] _touchedBits = new ulong[(names + 63) / 64];
    readonly ulong[] _reachedBits = new ulong[(names + 63) / 64];
    readonly int[] _ascending = new int[names];
    int _reachedCount;
    int[] _listStarts = new int[64];
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
    public void Touch(ReadOnlySpan<int> postings, int list, int weight)
    {
        var slots = _slots;
        var touched = _touchedBits;
        var reached = _reachedBits;
        var histogram = _histogram;
        var minimum = _minimum;
        foreach (var n in postings)
        {
            ref var word = ref touched[n >> 6];
            var bit = 1UL << n;
            ref var slot = ref slots[n];
            int before;
            if ((word & bit) == 0)
            {
                word |= bit;
                before = 0;
                slot = new Slot(weight, list);
            }
            else
            {
                before = slot.Count;
                slot.Count = before + weight;
                if (list < slot.List)
                {
                    slot.List = list;
                }

                histogram[before]--;
            }

            histogram[before + weight]++;

            if (before < minimum && before + weight >= minimum)
            {
                reached[n >> 6] |= bit;
                _reachedCount++;
            }
        }
    }

    /// <summary>Counts by one those names of <paramref name="postings"/> (list number <paramref name="list"/>) already touched.</summary>
    public void Increment(ReadOnlySpan<int> postings, int list)
    {
        var slots = _slots;
        var touched = _touchedBits;
        var minimum = _minimum;
        foreach (var n in postings)
        {
            if ((touched[n >> 6] & (1UL << n)) == 0)
            {
                continue;
            }

            ref var slot = ref slots[n];
            if (list < slot.List)
            {
                slot.List = list;
            }

            if (++slot.Count == minimum)
            {
                _reachedBits[n >> 6] |= 1UL << n;
                _reachedCount++;
            }
        }
    }

    /// <summary>Adds the names counted at least the minimum number of times to <paramref name="result"/>, in the order a
    /// plain count over the lists by their numbers would first have met them (by first list, then by name); when there
    /// are more than <paramref name="keep"/>, only the <paramref name="keep"/> counted most, ties kept in that same order
    /// (count descending, then first list, then name), and in that order.</summary>
    public void Collect(List<int> result, int keep = int.MaxValue)
    {
        var found = _reachedCount;
        if (found > _keys.Length)
        {
            _keys = new long[Math.Max(found, _keys.Length * 2)];
        }

        // In order of first list, then name, without a comparison sort: the reached names come out of their bit set in
        // ascending order and are then placed by first list, keeping that order within a list (a counting sort).
        var lists = 0;
        var at = 0;
        for (var w = 0; w < _reachedBits.Length; w++)
        {
            for (var word = _reachedBits[w]; word != 0; word &= word - 1)
            {
                var n = (w << 6) + BitOperations.TrailingZeroCount(word);
                _ascending[at++] = n;
                lists = Math.Max(lists, _slots[n].List + 1);
            }
        }

        if (_listStarts.Length <= lists)
        {
            _listStarts = new int[Math.Max(lists + 1, _listStarts.Length * 2)];
        }

        var starts = _listStarts.AsSpan(0, lists + 1);
        starts.Clear();
        for (var r = 0; r < found; r++)
        {
            starts[_slots[_ascending[r]].List + 1]++;
        }

        for (var l = 1; l < starts.Length; l++)
        {
            starts[l] += starts[l - 1];
        }

        for (var r = 0; r < found; r++)
        {
            var n = _ascending[r];
            var list = _slots[n].List;
            _keys[starts[list]++] = ((long)list << 32) | (uint)n;
        }

        var keys = _keys.AsSpan(0, found);
        if (found <= keep)
        {
            foreach (var key in keys)
            {
                result.Add((int)key);
            }

            return;
        }

        // The rule is a total order (count descending, then the position in first-list order), so which names are kept
        // cannot depend on how ties are treated. The counts are small integers: the count at the cut is found from their
        // histogram, every name counted more is kept, and names at the cut count are kept in first-list order until
        // there are enough; only the kept names are then put in order.
        var most = 0;
        foreach (var key in keys)
        {
            most = Math.Max(most, _slots[(int)key].Count);
        }

        if (_byCount.Length <= most)
        {
            _byCount = new int[Math.Max(most + 1, _byCount.Length * 2)];
        }

        var byCount = _byCount.AsSpan(0, most + 1);
        byCount.Clear();
        foreach (var key in keys)
        {
            byCount[_slots[(int)key].Count]++;
        }

        var cut = most;
        var above = 0;
        while (above + byCount[cut] < keep)
        {
            above += byCount[cut];
            cut--;
        }

        var atCut = keep - above;
        var kept = 0;
        for (var r = 0; r < found && kept < keep; r++)
        {
            var n = (int)keys[r];
            var count = _slots[n].Count;
            if (count > cut || (count == cut && atCut-- > 0))
            {
                keys[kept++] = ((long)(int.MaxValue - count) << 32) | (uint)n;
            }
        }

        // Kept in first-list order; a stable order by count keeps that order among equal counts.
        var ordered = keys[..keep];
        InsertionSortStable(ordered);
        foreach (var key in ordered)
        {
            result.Add((int)key);
        }
    }

    /// <summary>Orders by the count part of each key (the high half), keeping the present order among equal counts.</summary>
    static void InsertionSortStable(Span<long> keys)
    {
        for (var i = 1; i < keys.Length; i++)
        {
            var key = keys[i];
            var j = i - 1;
            while (j >= 0 && (keys[j] >> 32) > (key >> 32))
            {
                keys[j + 1] = keys[j];
                j--;
            }

            keys[j + 1] = key;
        }
    }

    /// <summary>Forgets every count, ready for the next query.</summary>
    public void Clear()
    {
        _reachedCount = 0;
        Array.Clear(_histogram, 0, Math.Min(_histogram.Length, _most + 1));
        Array.Clear(_touchedBits);
        Array.Clear(_reachedBits);
    }

    record struct Slot(int Count, int List);
}
