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

    /// <summary>Collects postings key by key, then lays them out in one array (<see cref="Build"/>).</summary>
    public sealed class Builder
    {
        readonly Dictionary<string, List<int>> _lists = new(StringComparer.Ordinal);

        /// <summary>Adds <paramref name="name"/> under <paramref name="key"/>; names come in ascending order, and a name
        /// added twice in a row under one key is kept once.</summary>
        public void Add(string key, int name)
        {
            if (!_lists.TryGetValue(key, out var list))
            {
                list = [];
                _lists[key] = list;
            }

            if (list.Count == 0 || list[^1] != name)
            {
                list.Add(name);
            }
        }

        /// <summary>Adds every name of <paramref name="names"/> under <paramref name="key"/>, which must be new.</summary>
        /// <returns>False when <paramref name="key"/> was added before.</returns>
        public bool TryAddAll(string key, int[] names)
        {
            if (_lists.ContainsKey(key))
            {
                return false;
            }

            _lists[key] = [.. names];
            return true;
        }

        /// <summary>The table, keys in the order they were first added.</summary>
        public PostingTable Build()
        {
            var total = 0;
            foreach (var list in _lists.Values)
            {
                total += list.Count;
            }

            var names = new int[total];
            var ranges = new Dictionary<string, (int, int)>(_lists.Count, StringComparer.Ordinal);
            var at = 0;
            foreach (var (key, list) in _lists)
            {
                list.CopyTo(names, at);
                ranges[key] = (at, list.Count);
                at += list.Count;
            }

            return new PostingTable(ranges, names);
        }
    }
}
