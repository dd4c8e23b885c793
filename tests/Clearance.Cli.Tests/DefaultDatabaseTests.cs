using System.CommandLine;
using System.Text.Json;
using Clearance.Data;

namespace Clearance.Cli.Tests;

public sealed class DefaultDatabaseTests
{
    static string RepositoryFile(params string[] parts)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Clearance.slnx")))
            {
                return Path.Combine([folder.FullName, .. parts]);
            }
        }

        throw new InvalidOperationException("Clearance.slnx not found above the test's folder.");
    }

    [Fact]
    public void The_service_and_the_cli_open_the_same_sqlite_file_by_default_and_it_does_not_depend_on_the_working_directory()
    {
        // The service's shipped settings name no connection string, so it takes DatabaseSettings' default.
        using var settings = JsonDocument.Parse(File.ReadAllText(RepositoryFile("src", "Clearance.Web", "appsettings.json")));
        var configured = settings.RootElement.TryGetProperty("ConnectionStrings", out var strings) && strings.TryGetProperty("Clearance", out _);
        var service = DatabaseSettings.Default;
        var options = new DatabaseOptions();
        var command = new RootCommand();
        options.AddTo(command);

        var (cli, error) = options.Resolve(command.Parse([]));

        Assert.False(configured, "appsettings.json sets ConnectionStrings:Clearance, a path relative to the working directory");
        Assert.True(Path.IsPathRooted(DatabaseSettings.DefaultSqlitePath), DatabaseSettings.DefaultSqlitePath);
        Assert.Equal((DatabaseProvider.Sqlite, $"Data Source={DatabaseSettings.DefaultSqlitePath}"), (service.Provider, service.ConnectionString));
        if (cli is null)
        {
            Assert.StartsWith($"{DatabaseSettings.DefaultSqlitePath}: no such database", error, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(service.ConnectionString, cli.ConnectionString);
        }
    }
}
