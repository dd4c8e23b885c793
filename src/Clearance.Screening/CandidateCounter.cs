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
/// lists never reaches k). Membership is tested in a bit set that stays in the first-level cache. Counts belong to one
/// query by a generation number stored with them, so nothing is reset name by name between queries; the names reaching
/// the count asked for are noted in a second bit set as they reach it.
/// </remarks>
sealed class CandidateCounter(int names)
{
    // A slot's Tag holds the generation above ListBits and the first list's number below: list numbers stay far below
    // 2^20 (at most the distinct trigrams of a name, 36^3, plus two keys per token and an acronym).
    const int ListBits = 20;
    const int ListMask = (1 << ListBits) - 1;
    const int LastGeneration = (1 << (31 - ListBits)) - 1;

    readonly Slot[] _slots = new Slot[names];
    readonly ulong[] _touchedBits = new ulong[(names + 63) / 64];
    readonly ulong[] _reachedBits = new ulong[(names + 63) / 64];
    readonly int[] _ascending = new int[names];
    int _reachedCount;
    int[] _listStarts = new int[64];
    int _generation = 1;
    int _minimum = int.MaxValue;
    long[] _keys = new long[64];
    int[] _ordered = new int[64];

    /// <summary>Starts a query whose candidates are the names counted at least <paramref name="minimum"/> times.</summary>
    public void Start(int minimum) => _minimum = minimum;

    /// <summary>The count of a name in this query so far.</summary>
    public int Count(int name) => _slots[name].Tag >>> ListBits == _generation ? _slots[name].Count : 0;

    /// <summary>Counts every name of <paramref name="postings"/> (list number <paramref name="list"/>) by <paramref name="weight"/>.</summary>
    public void Touch(ReadOnlySpan<int> postings, int list, int weight)
    {
        var slots = _slots;
        var bits = _touchedBits;
        var current = _generation << ListBits;
        var minimum = _minimum;
        foreach (var n in postings)
        {
            ref var slot = ref slots[n];
            int before;
            if ((slot.Tag & ~ListMask) != current)
            {
                before = 0;
                slot.Tag = current | list;
                slot.Count = weight;
                bits[n >> 6] |= 1UL << n;
            }
            else
            {
                before = slot.Count;
                slot.Count = before + weight;
                if (list < (slot.Tag & ListMask))
                {
                    slot.Tag = current | list;
                }
            }

            if (before < minimum && before + weight >= minimum)
            {
                _reachedBits[n >> 6] |= 1UL << n;
                _reachedCount++;
            }
        }
    }

    /// <summary>Counts by one those names of <paramref name="postings"/> (list number <paramref name="list"/>) already touched.</summary>
    public void Increment(ReadOnlySpan<int> postings, int list)
    {
        var slots = _slots;
        var bits = _touchedBits;
        var current = _generation << ListBits;
        var minimum = _minimum;
        foreach (var n in postings)
        {
            if ((bits[n >> 6] & (1UL << n)) == 0)
            {
                continue;
            }

            ref var slot = ref slots[n];
            if (list < (slot.Tag & ListMask))
            {
                slot.Tag = current | list;
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
                lists = Math.Max(lists, (_slots[n].Tag & ListMask) + 1);
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
            starts[(_slots[_ascending[r]].Tag & ListMask) + 1]++;
        }

        for (var l = 1; l < starts.Length; l++)
        {
            starts[l] += starts[l - 1];
        }

        for (var r = 0; r < found; r++)
        {
            var n = _ascending[r];
            var list = _slots[n].Tag & ListMask;
            _keys[starts[list]++] = ((long)list << 32) | (uint)n;
        }

        var keys = _keys.AsSpan(0, found);
        if (found > keep)
        {
            // The rule is a total order (count descending, then the position in first-list order), so the sort's
            // algorithm and its treatment of ties cannot change which names are kept.
            if (_ordered.Length < found)
            {
                _ordered = new int[Math.Max(found, _ordered.Length * 2)];
            }

            for (var r = 0; r < found; r++)
            {
                var n = (int)keys[r];
                _ordered[r] = n;
                keys[r] = ((long)(int.MaxValue - _slots[n].Count) << 32) | (uint)r;
            }

            keys.Sort();
            keys = keys[..keep];
            for (var r = 0; r < keys.Length; r++)
            {
                keys[r] = _ordered[(int)keys[r]];
            }
        }

        foreach (var key in keys)
        {
            result.Add((int)key);
        }
    }

    /// <summary>Forgets every count, ready for the next query.</summary>
    public void Clear()
    {
        _reachedCount = 0;
        Array.Clear(_touchedBits);
        Array.Clear(_reachedBits);
        if (_generation == LastGeneration)
        {
            Array.Clear(_slots);
            _generation = 0;
        }

        _generation++;
    }

    record struct Slot(int Count, int Tag);
}
