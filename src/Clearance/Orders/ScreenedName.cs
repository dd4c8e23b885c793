using Clearance.Rules.Licensing;
using Clearance.Screening;

namespace Clearance.Orders;

/// <summary>One name screened: the facts the license engine reads and the index matches behind them (an order's alerts
/// are raised from the same matches, without screening the name again).</summary>
public sealed record ScreenedName(IReadOnlyList<ScreeningFact> Facts, IReadOnlyList<ScreeningMatch> Matches)
{
    public static ScreenedName None { get; } = new([], []);
}
