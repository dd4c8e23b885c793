using Clearance.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace Clearance.Tests.Data;

public sealed class DatabaseSettingsTests
{
    static NpgsqlConnectionStringBuilder Configured(string connectionString)
    {
        var options = new DbContextOptionsBuilder<PostgresClearanceDbContext>();
        new DatabaseSettings(DatabaseProvider.Postgres, connectionString).Configure(options);
        return new NpgsqlConnectionStringBuilder(options.Options.Extensions.OfType<RelationalOptionsExtension>().Single().ConnectionString);
    }

    [Fact]
    public void PostgreSQL_connections_prepare_their_frequent_statements_unless_told_otherwise()
    {
        Assert.Equal(32, Configured("Host=db;Database=clearance;Username=clearance").MaxAutoPrepare);
        Assert.Equal(0, Configured("Host=db;Database=clearance;Username=clearance;Max Auto Prepare=0").MaxAutoPrepare);
        Assert.Equal(5, Configured("Host=db;Database=clearance;Username=clearance;maxautoprepare=5").MaxAutoPrepare);
    }

    [Fact]
    public async Task SQLite_connections_get_a_64_MiB_page_cache_and_a_busy_timeout_each_time_they_open()
    {
        var path = Path.Combine(Path.GetTempPath(), $"clearance-cache-{Guid.NewGuid():N}.db");
        using var file = new DeleteOnDispose(path);
        var settings = new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={path}");
        for (var i = 0; i < 2; i++)
        {
            // The second context gets the first one's pooled connection back.
            await using var db = settings.CreateContext();
            await db.Database.OpenConnectionAsync();
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA cache_size;";
            Assert.Equal(-64L * 1024, (long)(await command.ExecuteScalarAsync())!);
            command.CommandText = "PRAGMA busy_timeout;";
            Assert.Equal(30_000L, (long)(await command.ExecuteScalarAsync())!);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task SQLite_connections_leave_checkpoints_to_the_background_when_the_host_runs_them()
    {
        var path = Path.Combine(Path.GetTempPath(), $"clearance-checkpoint-{Guid.NewGuid():N}.db");
        using var file = new DeleteOnDispose(path);
        foreach (var (background, expected) in new[] { (true, 0L), (false, 1000L) })
        {
            await using var db = new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={path};Pooling=False") { CheckpointInBackground = background }.CreateContext();
            await db.Database.OpenConnectionAsync();
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA wal_autocheckpoint;";
            Assert.Equal(expected, (long)(await command.ExecuteScalarAsync())!);
        }
    }
}
