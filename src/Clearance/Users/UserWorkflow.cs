using System.Buffers.Text;
using System.Security.Cryptography;
using Clearance.Audit;
using Clearance.Data;
using Microsoft.EntityFrameworkCore;

namespace Clearance.Users;

/// <summary>Users, their passwords and API keys; every change is audited in its own transaction.</summary>
public sealed class UserWorkflow(ClearanceDbContext db, AuditLog audit, TimeProvider clock)
{
    public const string AdminUserName = "admin";
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

        if (RoleNames.Parse(role) is null)
        {
            errors["role"] = [$"One of {string.Join(", ", RoleNames.All.Select(r => r.Name()))}."];
        }

        if (password is not null && (password.Length < MinimumPasswordLength || password.Length > MaximumPasswordLength))
        {
            errors["password"] = [$"At least {MinimumPasswordLength} characters (and at most {MaximumPasswordLength})."];
        }

        return errors;
    }

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

    /// <summary>Gives the user another role; false when there is no such user.</summary>
    public async Task<bool> ChangeRoleAsync(string actor, string userName, Role role, CancellationToken ct)
    {
        await using var transaction = await audit.BeginAsync(ct);
        var user = await db.Users.SingleOrDefaultAsync(u => u.UserName == userName, ct);
        if (user is null)
        {
            return false;
        }

        var previous = user.Role;
        user.Role = role;
        await audit.AppendAsync(
            new AuditEntry(actor, "user.role-changed", "user", userName, new { userName, role = role.Name(), previous = previous.Name() }),
            ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
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
            .Select(k => new { k.ExpiresAt, k.User.UserName, k.User.Role })
            .SingleOrDefaultAsync(ct);
        return found is null ? null : new ApiKeyGrant(new AuthenticatedUser(found.UserName, found.Role), found.ExpiresAt);
    }

    /// <summary>The user, or null for an unknown user, a user without a password, or a wrong password (all taking the same time).</summary>
    public async Task<AuthenticatedUser?> AuthenticatePasswordAsync(string userName, string password, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking()
            .Where(u => u.UserName == userName)
            .Select(u => new { u.UserName, u.Role, u.PasswordHash })
            .SingleOrDefaultAsync(ct);
        return PasswordHashing.Verify(user?.PasswordHash, password) ? new AuthenticatedUser(user!.UserName, user.Role) : null;
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
