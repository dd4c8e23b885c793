namespace Clearance.Benchmarks.Load;

/// <summary>
/// One request of an open-loop run, times as <see cref="System.Diagnostics.Stopwatch"/> timestamps: when the schedule
/// meant it to go, when it went, when its answer had been read. <see cref="Status"/> is the HTTP status, 0 when there
/// was no answer (then <see cref="Failure"/> says why). <see cref="WokeLate"/>: how long after its due time the
/// dispatcher woke from sleeping towards it (ticks; null when it was already due, nothing to sleep for) — lateness of
/// the client or the machine, not of the server.
/// </summary>
readonly record struct RequestRecord(long Intended, long Sent, long Done, int Status, string? Failure, bool WaitedForConnection, long? WokeLate);
