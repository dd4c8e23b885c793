using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Clearance.Data;

public static class ClearanceDatabase
{
    /// <summary>Creates the database if needed and applies every migration of its provider.</summary>
    public static async Task MigrateAsync(ClearanceDbContext db, CancellationToken ct)
    {
        if (db is SqliteClearanceDbContext
            && new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource is { Length: > 0 } file
            && file != ":memory:" && Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder)
        {
            // SQLite creates the file, not the folder (the default one is per user and new on a first start).
            Directory.CreateDirectory(folder);
        }

        await db.Database.MigrateAsync(ct);
        if (db is SqliteClearanceDbContext)
        {
            // Write-ahead logging: readers do not block the writer, and a commit survives a killed process.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
    }
}
