using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Clearance.Data;

/// <summary>Lets <c>dotnet ef migrations add X --context PostgresClearanceDbContext</c> build the context without a server.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresClearanceDbContext>
{
    public PostgresClearanceDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresClearanceDbContext>().UseNpgsql("Host=localhost;Database=clearance").Options);
}
