using Clearance.Audit;
using Clearance.Data;
using Clearance.Users;
using Microsoft.EntityFrameworkCore;

namespace Clearance.Cli.Tests;

public sealed class UsersCommandTests : IAsyncLifetime
{
    readonly string _path = Path.Combine(Path.GetTempPath(), $"clearance-cli-users-{Guid.NewGuid():N}.db");
    readonly StringWriter _output = new();
    readonly StringWriter _error = new();

    DatabaseSettings Settings => new(DatabaseProvider.Sqlite, $"Data Source={_path};Pooling=False");

    public async Task InitializeAsync()
    {
        await using var db = Settings.CreateContext();
        await ClearanceDatabase.MigrateAsync(db, CancellationToken.None);
        await Users(db).CreateUserAsync(AuditLog.SystemActor, "admin", Role.Admin, "admin password 1", CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }

        return Task.CompletedTask;
    }

    static UserWorkflow Users(ClearanceDbContext db) => new(db, new AuditLog(db, TimeProvider.System), TimeProvider.System);

    Task<int> RunAsync(params string[] args) => CliApp.RunAsync([.. args, "--database", _path], _output, _error);

    async Task<AuthenticatedUser?> SignInAsync(string userName, string password)
    {
        await using var db = Settings.CreateContext();
        return await Users(db).AuthenticatePasswordAsync(userName, password, CancellationToken.None);
    }

    [Fact]
    public async Task The_last_admin_cannot_be_demoted_or_disabled_from_the_command_line_either()
    {
        Assert.Equal(CliApp.BadInput, await RunAsync("users", "set-role", "admin", "viewer"));
        Assert.Equal(CliApp.BadInput, await RunAsync("users", "disable", "admin"));

        Assert.Contains("'admin' is the last enabled admin", _error.ToString(), StringComparison.Ordinal);
        Assert.NotNull(await SignInAsync("admin", "admin password 1"));
    }

    [Fact]
    public async Task An_operator_adds_an_admin_resets_a_password_and_disables_and_enables_a_user_with_every_change_audited()
    {
        Assert.Equal(CliApp.Ok, await RunAsync("users", "add", "ops", "--role", "admin"));
        var generated = _output.ToString().Split("one-time password: ")[1].Trim();
        Assert.Equal(CliApp.Ok, await RunAsync("users", "set-role", "admin", "viewer"));
        Assert.Equal(CliApp.Ok, await RunAsync("users", "reset-password", "admin", "--password", "a new password 2"));
        Assert.Equal(CliApp.Ok, await RunAsync("users", "disable", "admin"));
        Assert.Null(await SignInAsync("admin", "a new password 2"));
        Assert.Equal(CliApp.Ok, await RunAsync("users", "enable", "admin"));
        _output.GetStringBuilder().Clear();
        Assert.Equal(CliApp.Ok, await RunAsync("users", "list"));

        Assert.NotNull(await SignInAsync("ops", generated));
        Assert.NotNull(await SignInAsync("admin", "a new password 2"));
        var lines = _output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("user\trole\tpassword\tstate\tcreated\tcreated_by", lines[0]);
        Assert.StartsWith("admin\tviewer\tyes\tenabled\t", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("ops\tadmin\tyes\tenabled\t", lines[2], StringComparison.Ordinal);
        await using var db = Settings.CreateContext();
        var actions = await db.AuditEvents.Where(e => EF.Functions.Like(e.Actor, "cli:%")).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync();
        Assert.Equal(["user.created", "user.role-changed", "user.password-reset", "user.disabled", "user.enabled"], actions);
    }

    [Fact]
    public async Task Bad_input_names_the_argument_and_exits_2()
    {
        Assert.Equal(CliApp.BadInput, await RunAsync("users", "set-role", "admin", "boss"));
        Assert.Equal(CliApp.BadInput, await RunAsync("users", "reset-password", "nobody"));
        Assert.Equal(CliApp.BadInput, await RunAsync("users", "add", "Bad Name", "--role", "viewer"));
        Assert.Equal(CliApp.BadInput, await RunAsync("users", "reset-password", "admin", "--password", "short"));

        var errors = _error.ToString();
        Assert.Contains("ROLE: 'boss' is not one of", errors, StringComparison.Ordinal);
        Assert.Contains("USER: no user named 'nobody'", errors, StringComparison.Ordinal);
        Assert.Contains("USER: 1 to 64 characters", errors, StringComparison.Ordinal);
        Assert.Contains("--password: At least 12 characters", errors, StringComparison.Ordinal);
    }
}
