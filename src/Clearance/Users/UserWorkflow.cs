using System.Buffers.Text;
using System.Security.Cryptography;
using Clearance.Audit;
using Clearance.Data;
using Clearance.Rules;
using Microsoft.EntityFrameworkCore;

namespace Clearance.Users;

/// <summary>Users, their passwords and API keys; every change is audited in its own transaction.</summary>
public sealed class UserWorkflow(ClearanceDbContext db, AuditLog audit, TimeProvider clock)
{
    public const string AdminUserName = "admin";

    /// <summary>The actor of events caused by someone not signed in (a failed sign-in).</summary>
    public const string AnonymousActor = "anonymous";
    public const int MaximumUserNameLength = 64;
    public const int MinimumPasswordLength = 12;
    public const int MaximumPasswordLength = 1024;

    /// <summary>A configured admin key is a secret chosen by an operator; below this it is guessable.</summary>
    public const int MinimumConfiguredKeyLength = 32;

    public static readonly TimeSpan DefaultKeyLifetime = TimeSpan.FromDays(365);

    /// <summary>Field errors in a new user's request, keyed by the request's field names; empty when valid.</summary>
    public static Dictionary<string, string[]> Validate(string? userName, string? role, string? password)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(userName) || userName.Length > MaximumUserNameLength || !userName.All(IsUserNameChar))
        {
            errors["userName"] = [$"1 to {MaximumUserNameLength} characters from a-z, 0-9, '.', '_', '-', '@'."];
        }

        if (WireNames.Parse<Role>(role) is null)
        {
            errors["role"] = [$"One of {string.Join(", ", WireNames.All<Role>())}."];
        }

        if (password is not null && PasswordProblem(password) is { } problem)
        {
            errors["password"] = [problem];
        }

        return errors;
    }

    /// <summary>What is wrong with a new password, or null when it may be used.</summary>
    public static string? PasswordProblem(string? password) =>
        password is null || password.Length < MinimumPasswordLength || password.Length > MaximumPasswordLength
            ? $"At least {MinimumPasswordLength} characters (and at most {MaximumPasswordLength})."
            : null;

    static bool IsUserNameChar(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '_' or '-' or '@';

    /// <summary>Creates a user; null when the name is taken. The request must have passed <see cref="Validate"/>.</summary>
    public async Task<User?> CreateUserAsync(string actor, string userName, Role role, string? password, CancellationToken ct)
    {
        await using var transaction = await audit.BeginAsync(ct);
        if (await db.Users.AnyAsync(u => u.UserName == userName, ct))
        {
            return null;
        }

        var user = await AddUserAsync(actor, userName, role, password, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return user;
    }

    public Task<User?> FindAsync(string userName, CancellationToken ct) =>
        db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.UserName == userName, ct);

    /// <summary>Issues a new key for the user; null when there is no such user.</summary>
    public async Task<IssuedApiKey?> IssueApiKeyAsync(string actor, string userName, DateTime? expiresAt, CancellationToken ct)
    {
        await using var transaction = await audit.BeginAsync(ct);
        var user = await db.Users.SingleOrDefaultAsync(u => u.UserName == userName, ct);
        if (user is null)
        {
            return null;
        }

        var key = ApiKeys.Generate();
        var issued = await AddApiKeyAsync(actor, user, key, expiresAt ?? AuditChain.Truncate(clock.GetUtcNow() + DefaultKeyLifetime), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return issued;
    }

    /// <summary>Gives the user another role; refused for the last enabled admin (nobody could manage users after).</summary>
    public async Task<UserChange> ChangeRoleAsync(string actor, string userName, Role role, CancellationToken ct)
    {
        await using var transaction = await audit.BeginAsync(ct);
        var user = await db.Users.SingleOrDefaultAsync(u => u.UserName == userName, ct);
        if (user is null)
        {
            return UserChange.NotFound;
        }

        if (role != Role.Admin && await IsLastEnabledAdminAsync(user, ct))
        {
            return UserChange.LastAdmin;
        }

        var previous = user.Role;
        user.Role = role;
        await audit.AppendAsync(
            new AuditEntry(actor, "user.role-changed", "user", userName, new { userName, role = role.Name(), previous = previous.Name() }),
            ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return UserChange.Changed;
    }

    /// <summary>Disables the user (no sign-in, no API key, every session ended) or enables it again; disabling the last
    /// enabled admin is refused.</summary>
    public async Task<UserChange> SetEnabledAsync(string actor, string userName, bool enabled, CancellationToken ct)
    {
        await using var transaction = await audit.BeginAsync(ct);
        var user = await db.Users.SingleOrDefaultAsync(u => u.UserName == userName, ct);
        if (user is null)
        {
            return UserChange.NotFound;
        }

        if (!enabled && await IsLastEnabledAdminAsync(user, ct))
        {
            return UserChange.LastAdmin;
        }

        if (user.IsEnabled == enabled)
        {
            return UserChange.Changed;
        }

        var now = AuditChain.Truncate(clock.GetUtcNow());
        user.DisabledAt = enabled ? null : now;
        var ended = enabled ? 0 : await EndSessionsAsync(user, null, SessionEnd.Disabled, now, ct);
        await audit.AppendAsync(
            new AuditEntry(actor, enabled ? "user.enabled" : "user.disabled", "user", userName, new { userName, endedSessions = ended }), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return UserChange.Changed;
    }

    /// <summary>Sets a new password chosen by an admin or the operator and ends every session of the user.</summary>
    public async Task<UserChange> ResetPasswordAsync(string actor, string userName, string password, CancellationToken ct)
    {
        await using var transaction = await audit.BeginAsync(ct);
        var user = await db.Users.SingleOrDefaultAsync(u => u.UserName == userName, ct);
        if (user is null)
        {
            return UserChange.NotFound;
        }

        var now = AuditChain.Truncate(clock.GetUtcNow());
        user.PasswordHash = PasswordHashing.Hash(password);
        var ended = await EndSessionsAsync(user, null, SessionEnd.PasswordReset, now, ct);
        await audit.AppendAsync(new AuditEntry(actor, "user.password-reset", "user", userName, new { userName, endedSessions = ended }), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return UserChange.Changed;
    }

    /// <summary>The user's own change, proven with the current password; ends the user's other sessions (the one it was
    /// made from, <paramref name="keepToken"/>, stays).</summary>
    public async Task<PasswordChange> ChangePasswordAsync(string userName, string currentPassword, string newPassword, string? keepToken, CancellationToken ct)
    {
        if (await AuthenticatePasswordAsync(userName, currentPassword, ct) is null)
        {
            return PasswordChange.WrongPassword;
        }

        await using var transaction = await audit.BeginAsync(ct);
        var user = await db.Users.SingleAsync(u => u.UserName == userName, ct);
        var now = AuditChain.Truncate(clock.GetUtcNow());
        user.PasswordHash = PasswordHashing.Hash(newPassword);
        var ended = await EndSessionsAsync(user, keepToken is null ? null : ApiKeys.Hash(keepToken), SessionEnd.PasswordChanged, now, ct);
        await audit.AppendAsync(new AuditEntry(userName, "user.password-changed", "user", userName, new { userName, endedSessions = ended }), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return PasswordChange.Changed;
    }

    /// <summary>Every user, by name.</summary>
    public async Task<IReadOnlyList<User>> ListAsync(CancellationToken ct) =>
        await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(ct);

    // Called under the chain's lock, so two admins demoting each other cannot both pass.
    async Task<bool> IsLastEnabledAdminAsync(User user, CancellationToken ct) =>
        user.Role == Role.Admin && user.IsEnabled
        && !await db.Users.AnyAsync(u => u.Id != user.Id && u.Role == Role.Admin && u.DisabledAt == null, ct);

    async Task<int> EndSessionsAsync(User user, string? keepHash, string reason, DateTime now, CancellationToken ct)
    {
        var open = await db.Sessions.Where(s => s.UserId == user.Id && s.EndedAt == null && s.TokenHash != keepHash).ToListAsync(ct);
        foreach (var session in open)
        {
            session.EndedAt = now;
            session.EndReason = reason;
        }

        return open.Count;
    }

    /// <summary>Starts a browser session for a user who just proved its password; returns the token the cookie carries.</summary>
    public async Task<string> StartSessionAsync(AuthenticatedUser user, string address, CancellationToken ct)
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        await using var transaction = await audit.BeginAsync(ct);
        var stored = await db.Users.SingleAsync(u => u.UserName == user.UserName, ct);
        db.Sessions.Add(new Session { User = stored, TokenHash = ApiKeys.Hash(token), StartedAt = AuditChain.Truncate(clock.GetUtcNow()) });
        await audit.AppendAsync(new AuditEntry(user.UserName, "session.started", "user", user.UserName, new { userName = user.UserName, address }), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return token;
    }

    /// <summary>The session's user as it is now, or null when the session is unknown or ended or its user disabled.</summary>
    public async Task<AuthenticatedUser?> FindSessionAsync(string token, CancellationToken ct)
    {
        var hash = ApiKeys.Hash(token);
        var found = await db.Sessions.AsNoTracking()
            .Where(s => s.TokenHash == hash && s.EndedAt == null && s.User.DisabledAt == null)
            .Select(s => new { s.User.UserName, s.User.Role })
            .SingleOrDefaultAsync(ct);
        return found is null ? null : new AuthenticatedUser(found.UserName, found.Role);
    }

    /// <summary>Ends the session (sign-out); the cookie that carried it is refused from then on, on every instance.</summary>
    public async Task EndSessionAsync(string userName, string token, CancellationToken ct)
    {
        var hash = ApiKeys.Hash(token);
        await using var transaction = await audit.BeginAsync(ct);
        var session = await db.Sessions.SingleOrDefaultAsync(s => s.TokenHash == hash && s.EndedAt == null, ct);
        if (session is null)
        {
            return;
        }

        session.EndedAt = AuditChain.Truncate(clock.GetUtcNow());
        session.EndReason = SessionEnd.SignedOut;
        await audit.AppendAsync(new AuditEntry(userName, "session.ended", "user", userName, new { userName, reason = SessionEnd.SignedOut }), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Records a failed sign-in (unknown user or wrong password) and, when it started one, the lock-out it earned.</summary>
    public async Task RecordSignInFailureAsync(string userName, string address, TimeSpan? lockedFor, CancellationToken ct)
    {
        await using var transaction = await audit.BeginAsync(ct);
        await audit.AppendAsync(
            new AuditEntry(AnonymousActor, "session.sign-in-failed", "user", userName,
                new { userName, address, lockedForSeconds = lockedFor is { } locked ? (long?)Math.Ceiling(locked.TotalSeconds) : null }),
            ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Ends every key of the user that has not expired yet (its expiry becomes now); the number revoked, or
    /// null when there is no such user.</summary>
    public async Task<int?> RevokeApiKeysAsync(string actor, string userName, CancellationToken ct)
    {
        await using var transaction = await audit.BeginAsync(ct);
        var user = await db.Users.Include(u => u.ApiKeys).SingleOrDefaultAsync(u => u.UserName == userName, ct);
        if (user is null)
        {
            return null;
        }

        var now = AuditChain.Truncate(clock.GetUtcNow());
        var revoked = user.ApiKeys.Where(k => k.ExpiresAt is null || k.ExpiresAt > now).OrderBy(k => k.Id).ToList();
        foreach (var key in revoked)
        {
            key.ExpiresAt = now;
        }

        await audit.AppendAsync(
            new AuditEntry(actor, "api-keys.revoked", "user", userName, new { userName, prefixes = revoked.Select(k => k.Prefix).ToList() }),
            ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return revoked.Count;
    }

    /// <summary>The key's owner, or null for an unknown or expired key.</summary>
    public async Task<AuthenticatedUser?> AuthenticateApiKeyAsync(string key, CancellationToken ct)
    {
        var grant = await FindApiKeyAsync(ApiKeys.Hash(key), ct);
        return grant is not null && grant.IsValidAt(clock.GetUtcNow().UtcDateTime) ? grant.User : null;
    }

    /// <summary>The owner and expiry of the key with this hash (<see cref="ApiKeys.Hash"/>), expired or not; null
    /// for an unknown key.</summary>
    public async Task<ApiKeyGrant?> FindApiKeyAsync(string keyHash, CancellationToken ct)
    {
        var found = await db.ApiKeys.AsNoTracking()
            .Where(k => k.KeyHash == keyHash)
            .Select(k => new { k.ExpiresAt, k.User.UserName, k.User.Role, k.User.DisabledAt })
            .SingleOrDefaultAsync(ct);
        // A disabled user's keys are refused like unknown ones.
        return found is null || found.DisabledAt is not null ? null : new ApiKeyGrant(new AuthenticatedUser(found.UserName, found.Role), found.ExpiresAt);
    }

    /// <summary>The user, or null for an unknown user, a user without a password, a disabled user, or a wrong password
    /// (all taking the same time).</summary>
    public async Task<AuthenticatedUser?> AuthenticatePasswordAsync(string userName, string password, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking()
            .Where(u => u.UserName == userName)
            .Select(u => new { u.UserName, u.Role, u.PasswordHash, u.DisabledAt })
            .SingleOrDefaultAsync(ct);
        return PasswordHashing.Verify(user?.PasswordHash, password) && user!.DisabledAt is null ? new AuthenticatedUser(user!.UserName, user.Role) : null;
    }

    /// <summary>
    /// On a database without users, creates <c>admin</c> with the given password (or a generated one, returned to be shown
    /// once) and, when given, the given API key without expiry. Does nothing once any user exists.
    /// </summary>
    public async Task<AdminBootstrap> EnsureAdminAsync(string? password, string? apiKey, CancellationToken ct)
    {
        if (password is not null && password.Length < MinimumPasswordLength)
        {
            throw new InvalidOperationException($"CLEARANCE_ADMIN_PASSWORD must have at least {MinimumPasswordLength} characters.");
        }

        if (apiKey is not null && apiKey.Length < MinimumConfiguredKeyLength)
        {
            throw new InvalidOperationException($"CLEARANCE_ADMIN_API_KEY must have at least {MinimumConfiguredKeyLength} characters.");
        }

        // The chain lock also serialises instances starting together on one empty PostgreSQL database.
        await using var transaction = await audit.BeginAsync(ct);
        if (await db.Users.AnyAsync(ct))
        {
            return new AdminBootstrap(false, null);
        }

        var generated = password is null ? Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(18)) : null;
        var admin = await AddUserAsync(AuditLog.SystemActor, AdminUserName, Role.Admin, password ?? generated, ct);
        if (apiKey is not null)
        {
            await AddApiKeyAsync(AuditLog.SystemActor, admin, apiKey, expiresAt: null, ct);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new AdminBootstrap(true, generated);
    }

    async Task<User> AddUserAsync(string actor, string userName, Role role, string? password, CancellationToken ct)
    {
        var user = new User
        {
            UserName = userName,
            Role = role,
            PasswordHash = password is null ? null : PasswordHashing.Hash(password),
            CreatedAt = AuditChain.Truncate(clock.GetUtcNow()),
            CreatedBy = actor,
        };
        db.Users.Add(user);
        await audit.AppendAsync(
            new AuditEntry(actor, "user.created", "user", userName, new { userName, role = role.Name(), password = password is not null }),
            ct);
        return user;
    }

    async Task<IssuedApiKey> AddApiKeyAsync(string actor, User user, string key, DateTime? expiresAt, CancellationToken ct)
    {
        var apiKey = new ApiKey
        {
            User = user,
            KeyHash = ApiKeys.Hash(key),
            Prefix = ApiKeys.Prefix(key),
            CreatedAt = AuditChain.Truncate(clock.GetUtcNow()),
            ExpiresAt = expiresAt,
        };
        db.ApiKeys.Add(apiKey);
        await audit.AppendAsync(
            new AuditEntry(actor, "api-key.issued", "user", user.UserName, new { userName = user.UserName, prefix = apiKey.Prefix, expiresAt }),
            ct);
        return new IssuedApiKey(user.UserName, key, apiKey.Prefix, expiresAt);
    }
}
