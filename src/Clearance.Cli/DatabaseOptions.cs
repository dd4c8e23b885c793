using System.CommandLine;
using System.Data.Common;
using Clearance.Data;

namespace Clearance.Cli;

/// <summary>
/// <c>--database</c> and <c>--provider</c>, defaulting like the web host: the environment's <c>Database__Provider</c> and
/// <c>ConnectionStrings__Clearance</c>, else the service's default SQLite file (<see cref="DatabaseSettings.DefaultSqlitePath"/>).
/// </summary>
public sealed class DatabaseOptions
{
    public Option<string?> Database { get; } = new("--database")
    {
        Description = "A connection string, or the path of a SQLite file (default: $ConnectionStrings__Clearance, else the service's clearance.db in the per-user data folder).",
    };

    public Option<string?> Provider { get; } = new("--provider")
    {
        Description = "sqlite or postgres (default: $Database__Provider, else sqlite).",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Database);
        command.Options.Add(Provider);
    }

    /// <summary>The database to open, or an error message naming the option at fault.</summary>
    public (DatabaseSettings? Settings, string? Error) Resolve(ParseResult parsed)
    {
        DatabaseProvider provider;
        try
        {
            provider = DatabaseSettings.ParseProvider(parsed.GetValue(Provider) ?? Environment.GetEnvironmentVariable("Database__Provider"));
        }
        catch (InvalidOperationException e)
        {
            return (null, $"--provider: {e.Message}");
        }

        var database = parsed.GetValue(Database) ?? Environment.GetEnvironmentVariable("ConnectionStrings__Clearance");
        if (string.IsNullOrWhiteSpace(database))
        {
            return provider switch
            {
                DatabaseProvider.Sqlite => ForSqliteFile(DatabaseSettings.DefaultSqlitePath),
                DatabaseProvider.Postgres => (null, "--database: a PostgreSQL connection string is required (or set ConnectionStrings__Clearance)."),
            };
        }

        return provider == DatabaseProvider.Sqlite && !database.Contains('=', StringComparison.Ordinal)
            ? ForSqliteFile(database)
            : (new DatabaseSettings(provider, database), null);
    }

    /// <summary>The database's own message when <paramref name="e"/> is a failure to reach or read it (EF may wrap it), else null.</summary>
    public static string? Failure(Exception e)
    {
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is DbException db)
            {
                return $"--database: {db.Message}";
            }
        }

        return null;
    }

    // Opening a SQLite file that is not there would create an empty database and report on that instead.
    static (DatabaseSettings?, string?) ForSqliteFile(string path) => File.Exists(path)
        ? (new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={path}"), null)
        : (null, $"{path}: no such database (start the service once to create it, or pass --database).");
}
