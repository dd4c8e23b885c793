using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Clearance.Data;

/// <summary>
/// Settings that live with each SQLite connection, not with the file, so they are applied each time one opens:
/// <list type="bullet">
/// <item>A 64 MiB page cache instead of SQLite's default 2 MiB. An order's commit touches the tail and index pages of
/// several growing tables (orders, audit events, alerts); with 2 MiB they kept falling out of the cache and were read
/// back from the file on every commit (a tenth of the service's CPU under load, in the kernel's read path;
/// bench/README.md "Service load").</item>
/// <item>With <see cref="DatabaseSettings.CheckpointInBackground"/>, no automatic checkpoint: the commit that found the
/// write-ahead log past 1,000 pages copied it into the database and synced the file before answering, a stall of
/// hundreds of milliseconds for every order queued behind it.</item>
/// <item>A busy timeout: a connection that finds the database locked (another writer, a checkpoint finishing) lets
/// SQLite retry within milliseconds. Without one, Microsoft.Data.Sqlite retried after sleeping 150 ms, and the
/// service's p99 at 500 orders/s was that sleep (bench/README.md "Service load").</item>
/// </list>
/// </summary>
sealed class SqliteConnectionSetup(string pragmas) : DbConnectionInterceptor
{
    /// <summary>In KiB when negative, as SQLite's <c>cache_size</c> reads it.</summary>
    public const int CacheSizeKib = 64 * 1024;

    /// <summary>As long as Microsoft.Data.Sqlite's own default command timeout.</summary>
    public const int BusyTimeoutMilliseconds = 30_000;

    static readonly string Common = $"PRAGMA cache_size = -{CacheSizeKib}; PRAGMA busy_timeout = {BusyTimeoutMilliseconds};";

    public static SqliteConnectionSetup Default { get; } = new(Common);

    public static SqliteConnectionSetup BackgroundCheckpoints { get; } = new(Common + " PRAGMA wal_autocheckpoint = 0;");

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = pragmas;
        command.ExecuteNonQuery();
    }
}
