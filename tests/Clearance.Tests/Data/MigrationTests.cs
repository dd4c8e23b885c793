using Clearance.Data;
using Microsoft.EntityFrameworkCore;

namespace Clearance.Tests.Data;

public sealed class MigrationTests
{
    [Fact]
    public void The_sqlite_migrations_cover_the_model()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a SQLite migration: dotnet ef migrations add <Name> --project src/Clearance --context SqliteClearanceDbContext --output-dir Data/Migrations/Sqlite");
    }

    [Fact]
    public void The_postgres_migrations_cover_the_model()
    {
        using var db = new PostgresDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a PostgreSQL migration: dotnet ef migrations add <Name> --project src/Clearance --context PostgresClearanceDbContext --output-dir Data/Migrations/Postgres");
    }
}
