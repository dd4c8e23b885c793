using Clearance.Data;
using Npgsql;

namespace Clearance.Tests.Databases;

/// <summary>A fresh database on the test PostgreSQL server (<see cref="PostgresServer"/>), copied from a migrated template.</summary>
public sealed class PostgresDatabase : ITestDatabase
{
    readonly string _name = $"clearance_test_{Guid.NewGuid():N}";
    PostgresServer? _server;

    public DatabaseSettings Settings => new(DatabaseProvider.Postgres, Server.ConnectionString(_name));

    PostgresServer Server => _server ?? throw new InvalidOperationException("InitializeAsync first.");

    public async Task InitializeAsync()
    {
        _server = await PostgresServer.Instance;
        await _server.ExecuteAsync($"CREATE DATABASE \"{_name}\" TEMPLATE \"{_server.TemplateDatabase}\"");
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await _server.ExecuteAsync($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)");
        }
    }
}
