using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Clearance.Data;
using Npgsql;

namespace Clearance.Tests.Databases;

/// <summary>
/// The PostgreSQL server the tests use: the one CLEARANCE_TEST_POSTGRES names (a connection string for a role that may
/// create databases) or, without it, a throwaway cluster started from Debian's binaries (<c>apt-get install postgresql</c>)
/// in a temp folder on a free port, stopped when the test run ends. With neither, the PostgreSQL tests are skipped
/// (<see cref="Unavailable"/>), except under CI, where they fail.
/// </summary>
public sealed class PostgresServer
{
    static readonly Lazy<Task<PostgresServer>> Started = new(StartAsync);

    readonly string _adminConnectionString;

    PostgresServer(string adminConnectionString, string templateDatabase)
    {
        _adminConnectionString = adminConnectionString;
        TemplateDatabase = templateDatabase;
    }

    public static Task<PostgresServer> Instance => Started.Value;

    /// <summary>Why no PostgreSQL server can be had on this machine, or null when one can (or when running under CI, where
    /// a missing server is a broken machine and the PostgreSQL tests must fail, not be skipped).</summary>
    public static string? Unavailable { get; } =
        string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("CLEARANCE_TEST_POSTGRES")) && ServerBinaries() is null
            && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
            ? "No PostgreSQL server: set CLEARANCE_TEST_POSTGRES to a connection string of a role that may create databases, "
                + "or install Debian's server (apt-get install -y postgresql) so the tests start a throwaway cluster."
            : null;

    /// <summary>An empty database with every migration applied, copied for each test.</summary>
    public string TemplateDatabase { get; }

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = database }.ConnectionString;

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    static async Task<PostgresServer> StartAsync()
    {
        var configured = Environment.GetEnvironmentVariable("CLEARANCE_TEST_POSTGRES");
        var admin = string.IsNullOrWhiteSpace(configured) ? await StartClusterAsync() : configured;

        // Pooling off: CREATE DATABASE ... TEMPLATE refuses while anyone is connected to the template.
        admin = new NpgsqlConnectionStringBuilder(admin) { Pooling = false, IncludeErrorDetail = true }.ConnectionString;
        var template = $"clearance_template_{Environment.ProcessId}_{Guid.NewGuid():N}";
        var server = new PostgresServer(admin, template);
        await server.ExecuteAsync($"CREATE DATABASE \"{template}\"");
        await using (var db = new DatabaseSettings(DatabaseProvider.Postgres, server.ConnectionString(template)).CreateContext())
        {
            await ClearanceDatabase.MigrateAsync(db, CancellationToken.None);
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            if (!string.IsNullOrWhiteSpace(configured))
            {
                server.ExecuteAsync($"DROP DATABASE IF EXISTS \"{template}\" WITH (FORCE)").GetAwaiter().GetResult();
            }
        };
        return server;
    }

    /// <summary>The bin folder of the newest Debian PostgreSQL server installed, or null.</summary>
    static string? ServerBinaries() => Directory.Exists("/usr/lib/postgresql")
        ? Directory.GetDirectories("/usr/lib/postgresql")
            .Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
            .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), CultureInfo.InvariantCulture, out var v) ? v : 0)
            .FirstOrDefault()
        : null;

    static async Task<string> StartClusterAsync()
    {
        var bin = ServerBinaries();
        if (bin is null)
        {
            throw new InvalidOperationException(
                "The PostgreSQL tests need a server: set CLEARANCE_TEST_POSTGRES to a connection string of a role that may create "
                + "databases, or install Debian's server (apt-get install -y postgresql) so the tests start a throwaway cluster.");
        }

        RemoveStoppedClusters();
        var root = Directory.CreateTempSubdirectory(ClusterPrefix).FullName;
        var data = Path.Combine(root, "data");
        var port = FreePort();

        // initdb and postgres refuse to run as root; Debian's package creates the postgres user to run them as.
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            await RunAsync("chown", ["postgres:postgres", root]);
        }

        await RunAsync(Path.Combine(bin, "initdb"), ["-D", data, "-U", "clearance", "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"], asRoot);
        var settings = $"-p {port.ToString(CultureInfo.InvariantCulture)} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        await RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", data, "-l", Path.Combine(root, "server.log"), "-o", settings, "-w", "start"], asRoot);

        // A watchdog outside the test host stops the server and removes its folder once the host has ended, however it
        // ended (a test host can be killed before exit handlers finish); setsid keeps it out of the host's process group.
        var stop = string.Join(' ', (asRoot ? new[] { "runuser", "-u", "postgres", "--" } : []).Append(Quote(Path.Combine(bin, "pg_ctl")))
            .Concat(["-D", Quote(data), "-m", "immediate", "-w", "stop"]));
        var watchdog = $"exec >/dev/null 2>&1 </dev/null; while kill -0 {Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}; do sleep 1; done; {stop}; rm -rf {Quote(root)}";
        Process.Start(new ProcessStartInfo("setsid", ["sh", "-c", watchdog]) { UseShellExecute = false })?.Dispose();

        // Generous timeouts: on a loaded 2-core CI machine an unpooled connect can take longer than Npgsql's default 15 s.
        return $"Host=127.0.0.1;Port={port.ToString(CultureInfo.InvariantCulture)};Username=clearance;Database=postgres;Timeout=60;Command Timeout=120";
    }

    const string ClusterPrefix = "clearance-pg-";

    // The test host may be ended before its exit handler has removed the folder; a later run removes what is left once
    // the server is gone (no postmaster.pid) and the folder is old enough not to be another run's that is starting up.
    static void RemoveStoppedClusters()
    {
        foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), ClusterPrefix + "*"))
        {
            if (!File.Exists(Path.Combine(folder, "data", "postmaster.pid"))
                && Directory.GetCreationTimeUtc(folder) < DateTime.UtcNow.AddMinutes(-10))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    static string Quote(string path) => "'" + path.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    static async Task RunAsync(string program, string[] arguments, bool asPostgres = false)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : program) { UseShellExecute = false };
        if (asPostgres)
        {
            foreach (var argument in new[] { "-u", "postgres", "--", program })
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}.");
        }
    }
}
