using System.Runtime.InteropServices;
using Clearance.Screening;

namespace Clearance.Cli;

/// <summary>
/// The rows of a screen that repeat an earlier row's party exactly (the same name, country, address and type, so the same
/// query): a customer master holds the same party more than once (several accounts, ship-to sites, a common personal
/// name). Each party is screened once; its matches are kept from its first row until its last repeat is written.
/// </summary>
/// <remarks>Screening depends on the query alone, so a repeat's matches are the first row's, and the output is the same
/// as screening every row.</remarks>
sealed class RepeatedQueries
{
    readonly int[] _first;
    readonly int[] _repeatsLeft;
    readonly Dictionary<int, IReadOnlyList<ScreeningMatch>> _kept = [];

    public RepeatedQueries(IReadOnlyList<ScreeningQuery> queries)
    {
        _first = new int[queries.Count];
        _repeatsLeft = new int[queries.Count];
        var firstRow = new Dictionary<ScreeningQuery, int>(queries.Count);
        for (var r = 0; r < queries.Count; r++)
        {
            ref var first = ref CollectionsMarshal.GetValueRefOrAddDefault(firstRow, queries[r], out var seen);
            if (seen)
            {
                _repeatsLeft[first]++;
            }
            else
            {
                first = r;
            }

            _first[r] = first;
        }
    }

    /// <summary>Whether row <paramref name="row"/> repeats an earlier row, so need not be screened.</summary>
    public bool IsRepeat(int row) => _first[row] != row;

    /// <summary>Row <paramref name="row"/>'s matches, given in row order: <paramref name="screened"/> for a first row, the
    /// first row's for a repeat.</summary>
    public IReadOnlyList<ScreeningMatch> Resolve(int row, IReadOnlyList<ScreeningMatch>? screened)
    {
        var first = _first[row];
        if (first == row)
        {
            var matches = screened ?? throw new InvalidOperationException($"row {row} is a party's first row and was not screened");
            if (_repeatsLeft[row] > 0)
            {
                _kept[row] = matches;
            }

            return matches;
        }

        var kept = _kept[first];
        if (--_repeatsLeft[first] == 0)
        {
            _kept.Remove(first);
        }

        return kept;
    }
}
