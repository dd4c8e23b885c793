namespace Clearance.Screening;

/// <summary>
/// The names (by their numbers in the index) under each key of one kind — tokens, phonetic keys, acronyms, whole names —
/// in ascending order, all of them in one array.
/// </summary>
/// <remarks>One array and one dictionary of ranges instead of an array per key: an index holds some 150,000 keys, and a
/// small array each is as many objects that a list import's new index leaves for the runtime to copy between
/// generations while orders wait.</remarks>
sealed class PostingTable
{
    readonly Dictionary<string, (int Start, int Length)> _ranges;
    readonly int[] _names;

    PostingTable(Dictionary<string, (int Start, int Length)> ranges, int[] names)
    {
        _ranges = ranges;
        _names = names;
    }

    /// <summary>The number of keys.</summary>
    public int Count => _ranges.Count;

    /// <summary>The names under <paramref name="key"/>; false, and no names, when it has none.</summary>
    public bool TryGetValue(string key, out ReadOnlySpan<int> names)
    {
        if (_ranges.TryGetValue(key, out var range))
        {
            names = _names.AsSpan(range.Start, range.Length);
            return true;
        }

        names = default;
        return false;
    }

    /// <summary>The keys, with where their names are (<see cref="Names"/>).</summary>
    public IEnumerable<(string Key, int Start, int Length)> Ranges => _ranges.Select(r => (r.Key, r.Value.Start, r.Value.Length));

    /// <summary>The names from <paramref name="start"/>, <paramref name="length"/> of them.</summary>
    public ReadOnlySpan<int> Names(int start, int length) => _names.AsSpan(start, length);

    /// <summary>Collects postings, then lays them out in one array (<see cref="Build"/>).</summary>
    /// <remarks>Each posting is kept as a key number and a name in one growing array, not in a list per key: building an
    /// index takes seconds, while orders allocate and the runtime collects, and every object alive then is copied.</remarks>
    public sealed class Builder
    {
        readonly Dictionary<string, int> _keys = new(StringComparer.Ordinal);
        readonly List<int> _last = [];
        readonly List<int> _counts = [];
        readonly List<long> _postings = [];

        /// <summary>Adds <paramref name="name"/> under <paramref name="key"/>; names come in ascending order, and a name
        /// added twice in a row under one key is kept once.</summary>
        public void Add(string key, int name)
        {
            if (!_keys.TryGetValue(key, out var k))
            {
                k = _keys.Count;
                _keys[key] = k;
                _last.Add(-1);
                _counts.Add(0);
            }

            if (_last[k] != name)
            {
                _last[k] = name;
                _counts[k]++;
                _postings.Add(((long)k << 32) | (uint)name);
            }
        }

        /// <summary>Adds every name of <paramref name="names"/> under <paramref name="key"/>, which must be new.</summary>
        /// <returns>False when <paramref name="key"/> was added before.</returns>
        public bool TryAddAll(string key, int[] names)
        {
            if (_keys.ContainsKey(key))
            {
                return false;
            }

            foreach (var name in names)
            {
                Add(key, name);
            }

            return true;
        }

        /// <summary>The table, keys in the order they were first added, each key's names in the order added.</summary>
        public PostingTable Build()
        {
            var starts = new int[_counts.Count];
            var at = 0;
            for (var k = 0; k < starts.Length; k++)
            {
                starts[k] = at;
                at += _counts[k];
            }

            var names = new int[at];
            var fill = (int[])starts.Clone();
            foreach (var posting in _postings)
            {
                names[fill[(int)(posting >> 32)]++] = (int)posting;
            }

            var ranges = new Dictionary<string, (int, int)>(_keys.Count, StringComparer.Ordinal);
            foreach (var (key, k) in _keys)
            {
                ranges[key] = (starts[k], _counts[k]);
            }

            return new PostingTable(ranges, names);
        }
    }
}
