using Clearance.Orders;
using Clearance.Parties;

namespace Clearance.Alerts;

/// <summary>The true matches standing for the parties of a group of orders, read in one query
/// (<see cref="AlertWorkflow.StandingTrueMatchesAsync"/>), oldest alert first.</summary>
public sealed class StandingTrueMatches
{
    readonly IReadOnlyList<(string NameKey, string Text)> _matches;

    internal StandingTrueMatches(IReadOnlyList<(string NameKey, string Text)> matches) => _matches = matches;

    /// <summary>Those standing for one of the order's parties or their owners (by name and country), as "name: list entry".</summary>
    public IReadOnlyList<string> For(OrderInput input)
    {
        if (_matches.Count == 0)
        {
            return [];
        }

        var keys = ScreeningSubject.NameKeys(input).ToHashSet(StringComparer.Ordinal);
        return [.. _matches.Where(m => keys.Contains(m.NameKey)).Select(m => m.Text).Distinct(StringComparer.Ordinal)];
    }
}
