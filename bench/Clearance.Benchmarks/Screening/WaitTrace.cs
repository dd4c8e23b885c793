using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Diagnostics.Tracing;
using System.Globalization;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Clearance.Benchmarks.Screening;

/// <summary>
/// Where the time of a slow order commit goes, for <c>rescreen-figures</c>: every database transaction's wait to begin
/// (on SQLite, <c>BEGIN IMMEDIATE</c> waiting for the write lock), how long it then held it, its commit and its slowest
/// statement; every runtime pause (a garbage collection suspending the process). Only the slow ones are kept.
/// </summary>
sealed class WaitTrace : IDisposable
{
    /// <summary>Shorter transactions and pauses are not kept.</summary>
    public const double KeepMilliseconds = 50;

    readonly Stopwatch _clock;
    readonly ConcurrentDictionary<DbConnection, double> _beginning = new();
    readonly ConcurrentDictionary<DbTransaction, Open> _open = new();
    readonly ConcurrentQueue<Slow> _slow = new();
    readonly ConcurrentQueue<(double At, string Method)> _jitted = new();
    readonly ConcurrentQueue<(double Start, double Ms)> _allPauses = new();

    /// <summary>The runtime's pauses of any length overlapping <paramref name="from"/> to <paramref name="to"/>: how many
    /// and their total time within it, for an order slow with no single pause over the kept length.</summary>
    public (int Count, double Ms) PausedBetween(double from, double to)
    {
        var within = _allPauses.Where(p => p.Start < to && p.Start + p.Ms > from).ToList();
        return (within.Count, within.Sum(p => Math.Min(to, p.Start + p.Ms) - Math.Max(from, p.Start)));
    }

    /// <summary>How many methods the JIT began compiling between <paramref name="from"/> and <paramref name="to"/>.</summary>
    public int JittedBetween(double from, double to) => _jitted.Count(j => j.At >= from && j.At <= to);

    /// <summary>The methods the JIT began compiling between <paramref name="from"/> and <paramref name="to"/>, counted by
    /// the first <paramref name="depth"/> parts of their type's namespace, most first.</summary>
    public IReadOnlyList<(string Namespace, int Count)> JittedByNamespace(double from, double to, int depth) =>
        [.. _jitted.Where(j => j.At >= from && j.At <= to)
            .GroupBy(j => string.Join('.', j.Method.Split('.').Take(depth)), StringComparer.Ordinal)
            .Select(g => (g.Key, g.Count())).OrderByDescending(g => g.Item2).ThenBy(g => g.Key, StringComparer.Ordinal)];

    /// <summary>The methods the JIT began compiling between <paramref name="from"/> and <paramref name="to"/>, in order.</summary>
    public IReadOnlyList<string> Jitted(double from, double to) => [.. _jitted.Where(j => j.At >= from && j.At <= to).OrderBy(j => j.At).Select(j => j.Method)];
    readonly PauseListener _pauses;

    public WaitTrace(Stopwatch clock)
    {
        _clock = clock;
        _zero = DateTime.UtcNow - clock.Elapsed;
        _pauses = new PauseListener(this);
    }

    // The runtime's events arrive late, on a thread of their own, stamped with the time they happened.
    readonly DateTime _zero;

    double At(DateTime utc) => (utc - _zero).TotalMilliseconds;

    public IInterceptor[] Interceptors => [new Transactions(this), new Commands(this)];

    /// <summary>A kept event: its start on the bench's clock, its length, what it was.</summary>
    /// <param name="Start">When it began, on the bench's clock (ms).</param>
    /// <param name="Ms">How long it took, from asking for the lock to committing for a transaction.</param>
    /// <param name="What">A line describing it.</param>
    /// <param name="Kind">"pause", or the transaction's kind: pass batch, order, import, other.</param>
    /// <param name="HeldMs">A transaction's time from holding the lock to committing.</param>
    public sealed record Slow(double Start, double Ms, string What, string Kind = "pause", double HeldMs = 0);

    public IReadOnlyList<Slow> Between(double from, double to) => [.. _slow.Where(s => s.Start + s.Ms >= from && s.Start <= to).OrderBy(s => s.Start)];

    public void Dispose() => _pauses.Dispose();

    double Now => _clock.Elapsed.TotalMilliseconds;

    void Keep(double start, double ms, string what)
    {
        if (what.StartsWith("runtime pause", StringComparison.Ordinal))
        {
            _allPauses.Enqueue((start, ms));
        }

        if (ms >= KeepMilliseconds)
        {
            _slow.Enqueue(new Slow(start, ms, what, "pause", ms));
        }
    }

    sealed class Open
    {
        public double Begin;
        public double Began;
        public double Committing;
        public double SlowestMs;
        public string SlowestSql = "";
        public string Kind = "other";
    }

    sealed class Transactions(WaitTrace trace) : DbTransactionInterceptor
    {
        public override ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData,
            InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
        {
            trace._beginning[connection] = trace.Now;
            return ValueTask.FromResult(result);
        }

        public override ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result,
            CancellationToken cancellationToken = default)
        {
            if (trace._beginning.TryRemove(connection, out var begin))
            {
                trace._open[result] = new Open { Begin = begin, Began = trace.Now };
            }

            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result,
            CancellationToken cancellationToken = default)
        {
            if (trace._open.TryGetValue(transaction, out var open))
            {
                open.Committing = trace.Now;
            }

            return ValueTask.FromResult(result);
        }

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            if (trace._open.TryRemove(transaction, out var open))
            {
                var now = trace.Now;
                var held = now - open.Began;
                var wait = open.Began - open.Begin;
                // The import's version transaction is kept however short: its hold is what the bench reports.
                if (held >= KeepMilliseconds || wait >= KeepMilliseconds || open.Kind == "import")
                {
                    trace._slow.Enqueue(new Slow(open.Begin, now - open.Begin, string.Create(CultureInfo.InvariantCulture,
                        $"{open.Kind} transaction: begin waited {wait:F0} ms, held {held:F0} ms (commit {now - open.Committing:F0} ms); slowest statement {open.SlowestMs:F0} ms: {open.SlowestSql}"),
                        open.Kind, held));
                }
            }

            return Task.CompletedTask;
        }
    }

    sealed class Commands(WaitTrace trace) : DbCommandInterceptor
    {
        readonly ConcurrentDictionary<DbCommand, double> _started = new();

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result,
            CancellationToken cancellationToken = default)
        {
            _started[command] = trace.Now;
            return ValueTask.FromResult(result);
        }

        public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            Done(command);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            _started[command] = trace.Now;
            return ValueTask.FromResult(result);
        }

        public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result,
            CancellationToken cancellationToken = default)
        {
            Done(command);
            return ValueTask.FromResult(result);
        }

        void Done(DbCommand command)
        {
            if (!_started.TryRemove(command, out var start) || command.Transaction is not { } transaction || !trace._open.TryGetValue(transaction, out var open))
            {
                return;
            }

            var ms = trace.Now - start;
            // What the transaction is, by the statement only it runs (the first statements of all of them are reads). The
            // quotes are dropped first: SQLite's SQL quotes every name, PostgreSQL's only those that need it
            // (screening_stamps, "PassId"). A pass batch is the transaction that records its batch.
            var text = command.CommandText.Replace("\"", "", StringComparison.Ordinal);
            if (text.Contains("INSERT INTO screening_stamps", StringComparison.Ordinal))
            {
                open.Kind = "pass batch";
            }
            else if (text.Contains("INSERT INTO orders", StringComparison.Ordinal))
            {
                open.Kind = "order";
            }
            else if (text.Contains("INSERT INTO list_versions", StringComparison.Ordinal))
            {
                open.Kind = "import";
            }

            if (ms > open.SlowestMs)
            {
                open.SlowestMs = ms;
                var sql = command.CommandText.ReplaceLineEndings(" ");
                open.SlowestSql = sql.Length > 90 ? sql[..90] + "…" : sql;
            }
        }
    }

    /// <summary>The runtime's pauses: from suspending the process for a collection to resuming it.</summary>
    sealed class PauseListener(WaitTrace trace) : EventListener
    {
        double _suspended = -1;
        double _stopped = -1;
        string _collection = "";

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
            {
                // GC (0x1) and JIT (0x10): a method compiled while its caller holds the lock lengthens the hold.
                EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)(0x1 | 0x10));
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            switch (eventData.EventName)
            {
                case "MethodJittingStarted_V1":
                    // Payload: method id, module id, token, IL size, namespace (the declaring type), name, signature.
                    trace._jitted.Enqueue((trace.At(eventData.TimeStamp.ToUniversalTime()), $"{eventData.Payload![4]}::{eventData.Payload[5]}"));
                    break;
                case "GCStart_V2":
                    // Depth, reason (GC_REASON: 0 small allocation, 1 induced, 4 large allocation, ...), type (0 blocking, 1 background, 2 foreground).
                    _collection = string.Create(CultureInfo.InvariantCulture,
                        $"generation {eventData.Payload![1]}, reason {eventData.Payload[2]}, type {eventData.Payload[3]}");
                    break;
                case "GCHeapStats_V2":
                    // Payload: generation sizes and the bytes promoted out of each generation (TotalPromotedSize0 is index 1, 1 is 3).
                    _collection += string.Create(CultureInfo.InvariantCulture,
                        $", promoted {Convert.ToDouble(eventData.Payload![1], CultureInfo.InvariantCulture) / (1 << 20):F1} MB from generation 0 and {Convert.ToDouble(eventData.Payload[3], CultureInfo.InvariantCulture) / (1 << 20):F1} MB from 1");
                    break;
                case "GCSuspendEEBegin_V1":
                    _suspended = trace.At(eventData.TimeStamp.ToUniversalTime());
                    _stopped = -1;
                    break;
                case "GCSuspendEEEnd_V1" when _suspended >= 0:
                    // Every thread stopped: the time before it is spent waiting for threads to reach a safe point.
                    _stopped = trace.At(eventData.TimeStamp.ToUniversalTime());
                    break;
                case "GCRestartEEEnd_V1" when _suspended >= 0:
                    var stopping = _stopped >= 0 ? string.Create(CultureInfo.InvariantCulture, $"{_stopped - _suspended:F0} ms stopping the threads; ") : "";
                    trace.Keep(_suspended, trace.At(eventData.TimeStamp.ToUniversalTime()) - _suspended, $"runtime pause ({stopping}collection: {_collection})");
                    _suspended = -1;
                    break;
            }
        }
    }
}
