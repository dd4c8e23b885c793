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
/// lists never reaches k). Membership is tested in a bit set that stays in the first-level cache.
/// </remarks>
sealed class CandidateCounter(int names)
{
    readonly Slot[] _slots = new Slot[names];
    readonly ulong[] _touchedBits = new ulong[(names + 63) / 64];
    readonly int[] _touched = new int[names];
    int _touchedCount;
    long[] _keys = new long[64];

    /// <summary>The count of a name so far.</summary>
    public int Count(int name) => _slots[name].Count;

    /// <summary>Counts every name of <paramref name="postings"/> (list number <paramref name="list"/>) by <paramref name="weight"/>.</summary>
    public void Touch(ReadOnlySpan<int> postings, int list, int weight)
    {
        var slots = _slots;
        var bits = _touchedBits;
        foreach (var n in postings)
        {
            ref var slot = ref slots[n];
            if (slot.Count == 0)
            {
                _touched[_touchedCount++] = n;
                bits[n >> 6] |= 1UL << n;
                slot.First = list;
            }
            else if (list < slot.First)
            {
                slot.First = list;
            }

            slot.Count += weight;
        }
    }

    /// <summary>Counts by one those names of <paramref name="postings"/> (list number <paramref name="list"/>) already touched.</summary>
    public void Increment(ReadOnlySpan<int> postings, int list)
    {
        var slots = _slots;
        var bits = _touchedBits;
        foreach (var n in postings)
        {
            if ((bits[n >> 6] & (1UL << n)) == 0)
            {
                continue;
            }

            ref var slot = ref slots[n];
            if (list < slot.First)
            {
                slot.First = list;
            }

            slot.Count++;
        }
    }

    /// <summary>Adds the names counted at least <paramref name="minimum"/> times to <paramref name="result"/>, in the order a
    /// plain count over the lists by their numbers would first have met them, and forgets every other name: from here on
    /// only the counts of the names added are kept, until <see cref="Clear"/>.</summary>
    public void Collect(int minimum, List<int> result)
    {
        var found = 0;
        for (var t = 0; t < _touchedCount; t++)
        {
            var n = _touched[t];
            ref var slot = ref _slots[n];
            _touchedBits[n >> 6] = 0;
            if (slot.Count < minimum)
            {
                slot = default;
                continue;
            }

            if (found == _keys.Length)
            {
                Array.Resize(ref _keys, found * 2);
            }

            _keys[found++] = ((long)slot.First << 32) | (uint)n;
        }

        _touchedCount = 0;
        var keys = _keys.AsSpan(0, found);
        keys.Sort();
        foreach (var key in keys)
        {
            var n = (int)key;
            result.Add(n);
            _touched[_touchedCount++] = n;
        }
    }

    /// <summary>Forgets every count, ready for the next query.</summary>
    public void Clear()
    {
        for (var t = 0; t < _touchedCount; t++)
        {
            var n = _touched[t];
            _slots[n] = default;
            _touchedBits[n >> 6] = 0;
        }

        _touchedCount = 0;
    }

    record struct Slot(int Count, int First);
}
