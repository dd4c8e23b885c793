using Clearance.Data;
using Clearance.Tests.Databases;
using Clearance.Web.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Clearance.Web.Tests;

public sealed class SqliteCheckpointerTests
{
    [Fact]
    public async Task Committed_orders_reach_the_database_file_from_the_background_checkpoint_not_from_a_commit()
    {
        await using var app = await ClearanceApp.CreateAsync<SqliteDatabase>();
        var erp = app.AdminClient();
        var settings = app.Services.GetRequiredService<DatabaseSettings>();
        Assert.True(settings.CheckpointInBackground);
        // The last connection to close checkpoints too (the tests' connections are not pooled); one kept open stands for
        // the service's pool, so that closing does not. It takes its lock on the file when it first reads.
        await using var held = new SqliteConnection(settings.ConnectionString);
        await held.OpenAsync();
        await using (var read = held.CreateCommand())
        {
            read.CommandText = "SELECT count(*) FROM orders;";
            Assert.Equal(0L, await read.ExecuteScalarAsync());
        }
        for (var i = 0; i < 5; i++)
        {
            (await erp.SendAsync(OrderSamples.Post(OrderSamples.Held, $"checkpoint-{i}"))).EnsureSuccessStatusCode();
        }

        // The database file alone (a copy without its write-ahead log) holds what has been checkpointed. Five orders are
        // far below SQLite's own 1,000-page threshold, so only the background checkpoint can have put them there. A
        // passive checkpoint may stop short of a frame a reader still needs, so a few checkpoints are allowed for.
        var checkpointer = app.Services.GetServices<IHostedService>().OfType<SqliteCheckpointer>().Single();
        var path = new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource;
        var copy = Path.Combine(Path.GetTempPath(), $"clearance-checkpoint-{Guid.NewGuid():N}.db");
        var checkpointed = 0L;
        try
        {
            for (var checkpoint = 0; checkpoint < 5 && checkpointed < 5; checkpoint++)
            {
                await checkpointer.NextCheckpointAsync(CancellationToken.None);
                File.Copy(path, copy, overwrite: true);
                checkpointed = CountOrders(copy);
            }
        }
        finally
        {
            File.Delete(copy);
        }

        Assert.Equal(5, checkpointed);
    }

    [Fact]
    public async Task The_host_that_adds_the_checkpointer_leaves_checkpoints_to_it_and_one_without_it_leaves_them_to_SQLite()
    {
        var path = Path.Combine(Path.GetTempPath(), $"clearance-checkpoint-{Guid.NewGuid():N}.db");
        using var file = new DeleteOnDispose(path);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Database:Provider"] = "sqlite",
            ["ConnectionStrings:Clearance"] = $"Data Source={path};Pooling=False",
        }).Build();
        // The CLI's AddClearance alone: SQLite's own checkpoint after 1,000 pages. The web host's: none in a commit.
        foreach (var (checkpointer, autocheckpoint) in new[] { (false, 1000L), (true, 0L) })
        {
            var services = new ServiceCollection().AddLogging().AddClearance(configuration);
            if (checkpointer)
            {
                services.AddSqliteCheckpointer();
            }

            await using var provider = services.BuildServiceProvider();
            Assert.Equal(checkpointer, provider.GetRequiredService<DatabaseSettings>().CheckpointInBackground);
            Assert.Equal(checkpointer, provider.GetServices<IHostedService>().OfType<SqliteCheckpointer>().Any());
            await using var scope = provider.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ClearanceDbContext>();
            await db.Database.OpenConnectionAsync();
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA wal_autocheckpoint;";
            Assert.Equal(autocheckpoint, (long)(await command.ExecuteScalarAsync())!);
        }
    }

    /// <summary>The orders in a copy of the database file; 0 while it cannot be read (copied mid-checkpoint).</summary>
    static long CountOrders(string copy)
    {
        try
        {
            using var connection = new SqliteConnection($"Data Source={copy};Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM orders;";
            return (long)command.ExecuteScalar()!;
        }
        catch (SqliteException)
        {
            return 0;
        }
        finally
        {
            foreach (var file in new[] { copy + "-wal", copy + "-shm" })
            {
                File.Delete(file);
            }
        }
    }
}
