using Clearance.Data;

namespace Clearance.Tests.Databases;

/// <summary>A SQLite file in the temp folder: the same engine, file format and locking as production.</summary>
public sealed class SqliteDatabase : ITestDatabase
{
    readonly string _path = Path.Combine(Path.GetTempPath(), $"clearance-test-{Guid.NewGuid():N}.db");

    // No pooling, so disposing the test's contexts closes the file and it can be deleted.
    public DatabaseSettings Settings => new(DatabaseProvider.Sqlite, $"Data Source={_path};Pooling=False");

    public async Task InitializeAsync()
    {
        await using var db = Settings.CreateContext();
        await ClearanceDatabase.MigrateAsync(db, CancellationToken.None);
    }

    public ValueTask DisposeAsync()
    {
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }

        return ValueTask.CompletedTask;
    }
}
