namespace Clearance.Peers.Reporting;

/// <summary>Everything measured for one system in the run.</summary>
public sealed record SystemResult(
    string Name,
    string Description,
    double Threshold,
    string ThresholdChoice,
    Quality Quality,
    int ScreenedNames,
    TimeSpan BuildTime,
    TimeSpan? ProcessLoadTime,
    TimeSpan BatchTime,
    double? LatencyP50Ms,
    double? LatencyP99Ms,
    int LatencySample,
    IReadOnlyList<SweepRow> Sweep,
    IReadOnlyList<string> MissedAliases,
    IReadOnlyList<string> FalsePositives);
