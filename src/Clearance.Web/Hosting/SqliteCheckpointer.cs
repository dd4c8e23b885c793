using Clearance.Data;
using Microsoft.Data.Sqlite;

namespace Clearance.Web.Hosting;

/// <summary>
/// Checkpoints SQLite's write-ahead log once a second from its own connection, so that no order's commit does it
/// (<see cref="DatabaseSettings.CheckpointInBackground"/>). A passive checkpoint copies the log into the database while
/// commits go on. The log starts over from its beginning only once a checkpoint has copied all of it with no commit in
/// between, which constant load never allows, so the log would only grow: past <see cref="RestartFrames"/> frames a
/// restart checkpoint follows, which does that if no commit is running (it does not wait for one); past
/// <see cref="ForceRestartFrames"/> it waits for the running commit, holding the next one for a moment, rather than let
/// the log grow without bound. The last checkpoint, at shutdown, empties the log.
/// Does nothing for PostgreSQL, which checkpoints in its own background process.
/// </summary>
public sealed partial class SqliteCheckpointer(DatabaseSettings database, ILogger<SqliteCheckpointer> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    /// <summary>16 MiB of 4 KiB pages.</summary>
    public const long RestartFrames = 4096;

    /// <summary>256 MiB of 4 KiB pages.</summary>
    public const long ForceRestartFrames = 65536;

    /// <summary>How long a forced restart waits for the running commit.</summary>
    const int ForceWaitMilliseconds = 2000;

    TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    bool Enabled => database.Provider == DatabaseProvider.Sqlite && database.CheckpointInBackground;

    /// <summary>Completes when a checkpoint that starts after this call has ended, whatever its outcome: what waits for
    /// the log to reach the database file waits on this rather than on the clock.</summary>
    public Task NextCheckpointAsync(CancellationToken ct) => Volatile.Read(ref _next).Task.WaitAsync(ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var ended = Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
                try
                {
                    var (log, _) = await CheckpointAsync("PASSIVE", 0, stoppingToken);
                    if (log >= RestartFrames)
                    {
                        await CheckpointAsync("RESTART", log >= ForceRestartFrames ? ForceWaitMilliseconds : 0, stoppingToken);
                    }
                }
                catch (SqliteException e)
                {
                    CheckpointFailed(logger, e);
                }
                finally
                {
                    ended.TrySetResult();
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (Enabled)
        {
            try
            {
                await CheckpointAsync("TRUNCATE", ForceWaitMilliseconds, cancellationToken);
            }
            catch (SqliteException e)
            {
                CheckpointFailed(logger, e);
            }
        }
    }

    /// <summary>Frames in the log and frames checkpointed, as SQLite reports them after the checkpoint.</summary>
    /// <param name="mode">SQLite's checkpoint mode.</param>
    /// <param name="waitMilliseconds">How long a restarting mode may wait for a running commit (0: not at all).</param>
    /// <param name="ct">Stops the wait for the connection.</param>
    async Task<(long Log, long Checkpointed)> CheckpointAsync(string mode, int waitMilliseconds, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync(ct);
        await using (var wait = connection.CreateCommand())
        {
            wait.CommandText = $"PRAGMA busy_timeout = {waitMilliseconds};";
            await wait.ExecuteNonQueryAsync(ct);
        }

        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA wal_checkpoint({mode});";
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? (reader.GetInt64(1), reader.GetInt64(2)) : (0, 0);
    }

    [LoggerMessage(20, LogLevel.Warning, "Could not checkpoint the SQLite write-ahead log; the next attempt is in a second.")]
    static partial void CheckpointFailed(ILogger logger, Exception exception);
}
