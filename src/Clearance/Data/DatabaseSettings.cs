using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Clearance.Data;

/// <summary>Which database to use: <c>Database:Provider</c> (sqlite, the default, or postgres) and <c>ConnectionStrings:Clearance</c>.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string DefaultSqliteConnectionString = "Data Source=clearance.db";

    public static DatabaseSettings Default { get; } = new(DatabaseProvider.Sqlite, DefaultSqliteConnectionString);

    public static DatabaseSettings From(IConfiguration configuration)
    {
        var provider = ParseProvider(configuration["Database:Provider"]);
        var connectionString = configuration.GetConnectionString("Clearance");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = provider switch
            {
                DatabaseProvider.Sqlite => DefaultSqliteConnectionString,
                DatabaseProvider.Postgres => throw new InvalidOperationException(
                    "Database:Provider is postgres but ConnectionStrings:Clearance is not set (for example ConnectionStrings__Clearance=\"Host=localhost;Database=clearance;Username=clearance;Password=...\")."),
            };
        }

        return new DatabaseSettings(provider, connectionString);
    }

    public static DatabaseProvider ParseProvider(string? name) => name?.Trim().ToUpperInvariant() switch
    {
        null or "" or "SQLITE" => DatabaseProvider.Sqlite,
        "POSTGRES" or "POSTGRESQL" or "NPGSQL" => DatabaseProvider.Postgres,
        _ => throw new InvalidOperationException($"Database:Provider '{name}' is not supported: use sqlite or postgres."),
    };

    public void Configure(DbContextOptionsBuilder options)
    {
        _ = Provider switch
        {
            DatabaseProvider.Sqlite => options.UseSqlite(ConnectionString),
            DatabaseProvider.Postgres => options.UseNpgsql(ConnectionString),
        };
    }

    /// <summary>A context outside dependency injection, for the CLI and tools; the caller disposes it.</summary>
    public ClearanceDbContext CreateContext() => Provider switch
    {
        DatabaseProvider.Sqlite => new SqliteClearanceDbContext(Options<SqliteClearanceDbContext>()),
        DatabaseProvider.Postgres => new PostgresClearanceDbContext(Options<PostgresClearanceDbContext>()),
    };

    DbContextOptions<TContext> Options<TContext>()
        where TContext : DbContext
    {
        var builder = new DbContextOptionsBuilder<TContext>();
        Configure(builder);
        return builder.Options;
    }
}
