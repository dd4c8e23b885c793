using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Clearance.Data;

/// <summary>Lets <c>dotnet ef migrations add X --context SqliteClearanceDbContext</c> build the context without a host.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteClearanceDbContext>
{
    public SqliteClearanceDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteClearanceDbContext>().UseSqlite(DatabaseSettings.DefaultSqliteConnectionString).Options);
}
