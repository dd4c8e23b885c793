using Clearance.Peers.Lists;
using Clearance.Peers.Queries;

namespace Clearance.Peers.Systems;

/// <summary>A system a team would build instead of Clearance, driven in process by the harness.</summary>
public interface IPeer : IAsyncDisposable
{
    string Name { get; }

    /// <summary>How the peer is set up, for the report.</summary>
    string Description { get; }

    /// <summary>Threshold values the tuning pass tries; the lowest is the cutoff of the tuning pass.</summary>
    IReadOnlyList<double> ThresholdGrid { get; }

    Task BuildAsync(IReadOnlyList<ListName> names, CancellationToken cancellationToken);

    /// <summary>Screens every query, <paramref name="workers"/> at a time; per-query latency goes to <paramref name="latencyMs"/> when given.</summary>
    Task<ScreenRun> ScreenAsync(IReadOnlyList<string> queries, int top, double threshold, int workers, double[]? latencyMs, CancellationToken cancellationToken);

    Task<double[]> ScorePairsAsync(IReadOnlyList<NamePair> pairs, CancellationToken cancellationToken);
}
