namespace Clearance.Peers.Systems;

/// <summary>The candidates of every query of a batch, in input order, and the batch's wall-clock time.</summary>
public sealed record ScreenRun(IReadOnlyList<Candidate>[] Results, TimeSpan Elapsed);
