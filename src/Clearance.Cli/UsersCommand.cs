using System.Buffers.Text;
using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using Clearance.Audit;
using Clearance.Rules;
using Clearance.Users;

namespace Clearance.Cli;

/// <summary>
/// <c>clearance users list|add|set-role|reset-password|disable|enable</c>: the operator's way to manage users on the
/// database directly, through the same workflow (and audit events) as the service's <c>/api/users</c> — for example to
/// let someone back in when nobody can sign in as an admin. Exit 2 for bad input, an unknown user, or a change that
/// would leave no enabled admin.
/// </summary>
public static class UsersCommand
{
    public static Command Create(TextWriter output, TextWriter error, TimeProvider clock) =>
        new("users", "List and manage the service's users on its database.")
        {
            List(output, error, clock),
            Add(output, error, clock),
            SetRole(output, error, clock),
            ResetPassword(output, error, clock),
            SetEnabled(output, error, clock, enabled: false),
            SetEnabled(output, error, clock, enabled: true),
        };

    /// <summary>The audit log's actor for changes made here: the operating-system account that ran the command.</summary>
    static string Actor => "cli:" + Environment.UserName;

    static Command List(TextWriter output, TextWriter error, TimeProvider clock)
    {
        var command = new Command("list", "Every user with role, password, state and creation.");
        return WithUsers(command, error, clock, async (users, _, ct) =>
        {
            await output.WriteLineAsync("user\trole\tpassword\tstate\tcreated\tcreated_by");
            foreach (var user in await users.ListAsync(ct))
            {
                await output.WriteLineAsync(string.Join('\t',
                    user.UserName, user.Role.Name(), user.PasswordHash is null ? "no" : "yes", user.IsEnabled ? "enabled" : "disabled",
                    user.CreatedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), user.CreatedBy));
            }

            return CliApp.Ok;
        });
    }

    static Command Add(TextWriter output, TextWriter error, TimeProvider clock)
    {
        var name = UserName();
        var role = new Option<string>("--role") { Description = $"One of {RoleList}.", Required = true };
        var password = PasswordOption();
        var command = new Command("add", "Create a user; without --password one is generated and printed once.") { name, role, password };
        return WithUsers(command, error, clock, async (users, parsed, ct) =>
        {
            var (userName, chosen) = (parsed.GetValue(name)!, parsed.GetValue(password));
            var errors = UserWorkflow.Validate(userName, parsed.GetValue(role), chosen);
            if (errors.Count > 0)
            {
                foreach (var (field, messages) in errors)
                {
                    await error.WriteLineAsync($"{(field == "userName" ? "USER" : "--" + field)}: {string.Join(" ", messages)}");
                }

                return CliApp.BadInput;
            }

            var secret = chosen ?? Generate();
            if (await users.CreateUserAsync(Actor, userName, WireNames.Parse<Role>(parsed.GetValue(role))!.Value, secret, ct) is null)
            {
                await error.WriteLineAsync($"USER: a user named '{userName}' already exists.");
                return CliApp.BadInput;
            }

            await output.WriteLineAsync(chosen is null ? $"created {userName}; one-time password: {secret}" : $"created {userName}");
            return CliApp.Ok;
        });
    }

    static Command SetRole(TextWriter output, TextWriter error, TimeProvider clock)
    {
        var name = UserName();
        var role = new Argument<string>("ROLE") { Description = $"One of {RoleList}." };
        var command = new Command("set-role", "Give a user another role (the last enabled admin keeps its role).") { name, role };
        return WithUsers(command, error, clock, async (users, parsed, ct) =>
        {
            if (WireNames.Parse<Role>(parsed.GetValue(role)) is not { } parsedRole)
            {
                await error.WriteLineAsync($"ROLE: '{parsed.GetValue(role)}' is not one of {RoleList}.");
                return CliApp.BadInput;
            }

            var userName = parsed.GetValue(name)!;
            return await ReportAsync(await users.ChangeRoleAsync(Actor, userName, parsedRole, ct), userName, $"{userName} is now {parsedRole.Name()}", output, error);
        });
    }

    static Command ResetPassword(TextWriter output, TextWriter error, TimeProvider clock)
    {
        var name = UserName();
        var password = PasswordOption();
        var command = new Command("reset-password", "Set a user's password (generated and printed once without --password); its sessions end.") { name, password };
        return WithUsers(command, error, clock, async (users, parsed, ct) =>
        {
            var chosen = parsed.GetValue(password);
            if (chosen is not null && UserWorkflow.PasswordProblem(chosen) is { } problem)
            {
                await error.WriteLineAsync($"--password: {problem}");
                return CliApp.BadInput;
            }

            var (userName, secret) = (parsed.GetValue(name)!, chosen ?? Generate());
            return await ReportAsync(await users.ResetPasswordAsync(Actor, userName, secret, ct), userName,
                chosen is null ? $"new password for {userName}, shown once: {secret}" : $"password of {userName} set", output, error);
        });
    }

    static Command SetEnabled(TextWriter output, TextWriter error, TimeProvider clock, bool enabled)
    {
        var name = UserName();
        var command = enabled
            ? new Command("enable", "Let a disabled user sign in and use its keys again.") { name }
            : new Command("disable", "Stop a user signing in or using its keys, and end its sessions (never the last enabled admin).") { name };
        return WithUsers(command, error, clock, async (users, parsed, ct) =>
        {
            var userName = parsed.GetValue(name)!;
            return await ReportAsync(await users.SetEnabledAsync(Actor, userName, enabled, ct), userName,
                $"{userName} {(enabled ? "enabled" : "disabled")}", output, error);
        });
    }

    static string RoleList => string.Join(", ", WireNames.All<Role>());

    static Argument<string> UserName() => new("USER") { Description = "The user's name." };

    static Option<string?> PasswordOption() => new("--password")
    {
        Description = "The password (at least 12 characters); omit it to have one generated, since a command line can be seen by other users of the machine.",
    };

    static string Generate() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(18));

    static async Task<int> ReportAsync(UserChange change, string userName, string done, TextWriter output, TextWriter error)
    {
        switch (change)
        {
            case UserChange.Changed:
                await output.WriteLineAsync(done);
                return CliApp.Ok;
            case UserChange.NotFound:
                await error.WriteLineAsync($"USER: no user named '{userName}'.");
                return CliApp.BadInput;
            case UserChange.LastAdmin:
                await error.WriteLineAsync($"USER: '{userName}' is the last enabled admin; make another user admin first.");
                return CliApp.BadInput;
        }

        return CliApp.BadInput;
    }

    static Command WithUsers(Command command, TextWriter error, TimeProvider clock, Func<UserWorkflow, ParseResult, CancellationToken, Task<int>> run)
    {
        var database = new DatabaseOptions();
        database.AddTo(command);
        command.SetAction(async (parsed, ct) =>
        {
            var (settings, problem) = database.Resolve(parsed);
            if (settings is null)
            {
                await error.WriteLineAsync(problem);
                return CliApp.BadInput;
            }

            try
            {
                await using var db = settings.CreateContext();
                return await run(new UserWorkflow(db, new AuditLog(db, clock), clock), parsed, ct);
            }
            catch (Exception e) when (DatabaseOptions.Failure(e) is { } failure)
            {
                await error.WriteLineAsync(failure);
                return CliApp.BadInput;
            }
        });
        return command;
    }
}
