namespace Clearance.Benchmarks.Load;

/// <summary>The records of every request of a run, in schedule order, and the timestamp request 0 was due.</summary>
sealed record OpenLoopRun(long Start, RequestRecord[] Requests);
