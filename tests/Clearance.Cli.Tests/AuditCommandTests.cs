using System.Text.Json;
using Clearance.Audit;
using Clearance.Data;
using Clearance.Users;
using Microsoft.EntityFrameworkCore;

namespace Clearance.Cli.Tests;

public sealed class AuditCommandTests : IAsyncLifetime
{
    readonly string _path = Path.Combine(Path.GetTempPath(), $"clearance-cli-test-{Guid.NewGuid():N}.db");
    readonly StringWriter _output = new();
    readonly StringWriter _error = new();

    DatabaseSettings Settings => new(DatabaseProvider.Sqlite, $"Data Source={_path};Pooling=False");

    public async Task InitializeAsync()
    {
        await using var db = Settings.CreateContext();
        await ClearanceDatabase.MigrateAsync(db, CancellationToken.None);
        var clock = new FixedClock(new DateTimeOffset(2026, 4, 30, 23, 59, 0, TimeSpan.Zero));
        var users = new UserWorkflow(db, new AuditLog(db, clock), clock);
        await users.CreateUserAsync("admin", "ann", Role.Auditor, null, CancellationToken.None);
        clock.Now = clock.Now.AddMinutes(2);
        await users.CreateUserAsync("admin", "bob", Role.Sales, null, CancellationToken.None);
        await users.CreateUserAsync("admin", "cy", Role.Viewer, null, CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }

        return Task.CompletedTask;
    }

    Task<int> RunAsync(params string[] args) => CliApp.RunAsync(args, _output, _error);

    [Fact]
    public async Task Verify_reports_an_intact_chain_with_exit_0()
    {
        var exit = await RunAsync("audit", "verify", "--database", _path);

        Assert.Equal(CliApp.Ok, exit);
        Assert.StartsWith("ok: 3 events, head ", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_names_the_edited_event_with_exit_1()
    {
        await using (var db = Settings.CreateContext())
        {
            await db.Database.ExecuteSqlRawAsync("""UPDATE audit_events SET "Actor" = 'nobody' WHERE "Id" = 2""");
        }

        var exit = await RunAsync("audit", "verify", "--database", _path, "--format", "json");

        Assert.Equal(CliApp.Problems, exit);
        using var json = JsonDocument.Parse(_output.ToString());
        Assert.False(json.RootElement.GetProperty("ok").GetBoolean());
        Assert.Equal(2, json.RootElement.GetProperty("firstBrokenEvent").GetInt64());
    }

    [Fact]
    public async Task Export_writes_the_events_of_the_days_asked_for_as_json_lines()
    {
        var exit = await RunAsync("audit", "export", "--database", $"Data Source={_path}", "--from", "2026-05-01", "--to", "2026-05-31");

        Assert.Equal(CliApp.Ok, exit);
        var ids = _output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("id").GetInt64());
        Assert.Equal([2L, 3L], ids);
        Assert.Contains("exported 2 events", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_writes_to_a_file_when_asked()
    {
        var file = _path + ".jsonl";
        try
        {
            var exit = await RunAsync("audit", "export", "--database", _path, "--from", "2026-04-30", "--to", "2026-04-30", "--output", file);

            Assert.Equal(CliApp.Ok, exit);
            Assert.Equal("", _output.ToString());
            Assert.Single(await File.ReadAllLinesAsync(file));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("--from", "2026-13-01", "--to", "2026-12-31")]
    [InlineData("--from", "2026-02-01", "--to", "2026-01-31")]
    [InlineData("--to", "2026-01-31")]
    public async Task Export_refuses_a_bad_period_with_exit_2(params string[] period)
    {
        var exit = await RunAsync(["audit", "export", "--database", _path, .. period]);

        Assert.Equal(CliApp.BadInput, exit);
        Assert.Contains("--", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_with_a_kept_head_fails_once_the_last_event_is_deleted()
    {
        Assert.Equal(CliApp.Ok, await RunAsync("audit", "verify", "--database", _path));
        var head = _output.ToString().Trim().Split("head ")[1];
        Assert.Equal(CliApp.Ok, await RunAsync("audit", "verify", "--database", _path, "--expect-head", head));
        await using (var db = Settings.CreateContext())
        {
            await db.Database.ExecuteSqlRawAsync("""DELETE FROM audit_events WHERE "Id" = 3""");
        }

        _output.GetStringBuilder().Clear();
        Assert.Equal(CliApp.Ok, await RunAsync("audit", "verify", "--database", _path));
        Assert.Equal(CliApp.Problems, await RunAsync("audit", "verify", "--database", _path, "--expect-head", head));
        Assert.Equal(CliApp.BadInput, await RunAsync("audit", "verify", "--database", _path, "--expect-head", "3:not-a-hash"));

        Assert.StartsWith("3:", head, StringComparison.Ordinal);
        Assert.Contains("fewer than the 3 of the expected head", _output.ToString(), StringComparison.Ordinal);
        Assert.Contains("--expect-head:", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_prints_the_head_of_the_whole_log_on_stderr()
    {
        Assert.Equal(CliApp.Ok, await RunAsync("audit", "verify", "--database", _path));
        var head = _output.ToString().Trim().Split("head ")[1];
        _output.GetStringBuilder().Clear();

        Assert.Equal(CliApp.Ok, await RunAsync("audit", "export", "--database", _path, "--from", "2026-04-30", "--to", "2026-04-30"));

        Assert.Contains($"log head: {head}", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_database_file_is_bad_input_not_an_empty_log()
    {
        var exit = await RunAsync("audit", "verify", "--database", _path + ".missing");

        Assert.Equal(CliApp.BadInput, exit);
        Assert.Contains("no such database", _error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(_path + ".missing"));
    }

    sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
