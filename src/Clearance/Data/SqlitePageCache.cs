using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Clearance.Data;

/// <summary>
/// Gives every SQLite connection a 64 MiB page cache instead of SQLite's default 2 MiB. An order's commit touches the
/// tail and index pages of several growing tables (orders, audit events, alerts); with 2 MiB they kept falling out of
/// the cache and were read back from the file on every commit (a tenth of the service's CPU under load, in the kernel's
/// read path; bench/README.md "Service load"). The setting lives with the connection, not the file, so it is applied
/// each time a connection opens.
/// </summary>
sealed class SqlitePageCache : DbConnectionInterceptor
{
    /// <summary>In KiB when negative, as SQLite's <c>cache_size</c> reads it.</summary>
    public const int CacheSizeKib = 64 * 1024;

    public static SqlitePageCache Instance { get; } = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA cache_size = -{CacheSizeKib};";
        command.ExecuteNonQuery();
    }
}
