using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Clearance.Data;

/// <summary>Which database to use: <c>Database:Provider</c> (sqlite, the default, or postgres) and <c>ConnectionStrings:Clearance</c>.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    /// <summary>The SQLite file the service and the CLI open when no connection string is given: one per user,
    /// <c>clearance/clearance.db</c> under the local application-data folder (<c>~/.local/share</c> on Linux, the
    /// folder the downloaded lists live in), whatever the working directory.</summary>
    public static string DefaultSqlitePath { get; } = Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "clearance", "clearance.db");

    public static string DefaultSqliteConnectionString { get; } = $"Data Source={DefaultSqlitePath}";

    public static DatabaseSettings Default { get; } = new(DatabaseProvider.Sqlite, DefaultSqliteConnectionString);

    /// <summary>SQLite only: the process checkpoints the write-ahead log from a background task of its own
    /// (the web host's <c>AddSqliteCheckpointer</c> sets this and runs <c>SqliteCheckpointer</c>), so its connections never checkpoint inside a commit. Left false, SQLite
    /// checkpoints in whichever commit finds the log past 1,000 pages, which stalls that commit and everything queued behind it.</summary>
    public bool CheckpointInBackground { get; init; }

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
            DatabaseProvider.Sqlite => options.UseSqlite(ConnectionString)
                .AddInterceptors(CheckpointInBackground ? SqliteConnectionSetup.BackgroundCheckpoints : SqliteConnectionSetup.Default),
            DatabaseProvider.Postgres => options.UseNpgsql(WithAutoPrepare(ConnectionString)),
        };
    }

    /// <summary>Npgsql prepares the statements a connection runs most (the order path's few) unless the connection string
    /// says otherwise: PostgreSQL then skips parsing and planning them on every order.</summary>
    static string WithAutoPrepare(string connectionString)
    {
        // Npgsql's own builder knows every keyword, so whether one was given is read from the plain key/value pairs.
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (given.Keys.Cast<string>().Any(k => string.Equals(k.Replace(" ", "", StringComparison.Ordinal), "maxautoprepare", StringComparison.OrdinalIgnoreCase)))
        {
            return connectionString;
        }

        return new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 32 }.ConnectionString;
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
