using Microsoft.EntityFrameworkCore;

namespace Clearance.Data;

public static class ClearanceDatabase
{
    /// <summary>Creates the database if needed and applies every migration of its provider.</summary>
    public static async Task MigrateAsync(ClearanceDbContext db, CancellationToken ct)
    {
        await db.Database.MigrateAsync(ct);
        if (db is SqliteClearanceDbContext)
        {
            // Write-ahead logging: readers do not block the writer, and a commit survives a killed process.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
    }
}
