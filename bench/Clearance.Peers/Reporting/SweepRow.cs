namespace Clearance.Peers.Reporting;

/// <summary>The quality of a peer at one threshold of its tuning grid.</summary>
public sealed record SweepRow(double Threshold, Quality Quality);
