using Clearance.Audit;
using Clearance.Data;
using Clearance.Tests.Databases;
using Clearance.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Clearance.Tests.Users;

public sealed class SqliteUserWorkflowTests : UserWorkflowTests<SqliteDatabase>;

public sealed class PostgresUserWorkflowTests : UserWorkflowTests<PostgresDatabase>;

public abstract class UserWorkflowTests<TDb> : IAsyncLifetime
    where TDb : ITestDatabase, new()
{
    readonly TDb _database = new();
    readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 5, 4, 12, 0, 0, TimeSpan.Zero));

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    ClearanceDbContext Context() => _database.Settings.CreateContext();

    UserWorkflow Users(ClearanceDbContext db) => new(db, new AuditLog(db, _clock), _clock);

    [Fact]
    public async Task Creating_a_user_stores_it_and_audits_who_did_it()
    {
        await using (var db = Context())
        {
            var user = await Users(db).CreateUserAsync("root-admin", "olga", Role.ComplianceOfficer, "correct horse battery", CancellationToken.None);
            Assert.NotNull(user);
        }

        await using var check = Context();
        var stored = await check.Users.SingleAsync(u => u.UserName == "olga");
        Assert.Equal(Role.ComplianceOfficer, stored.Role);
        Assert.Equal("root-admin", stored.CreatedBy);
        var audit = await check.AuditEvents.SingleAsync();
        Assert.Equal(("root-admin", "user.created", "user", "olga"), (audit.Actor, audit.Action, audit.EntityType, audit.EntityId));
        Assert.Equal("""{"userName":"olga","role":"compliance-officer","password":true}""", audit.Payload);
        Assert.DoesNotContain("horse", stored.PasswordHash, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_user_with_the_same_name_is_refused_and_not_audited()
    {
        await using var db = Context();
        var users = Users(db);
        Assert.NotNull(await users.CreateUserAsync("admin", "sam", Role.Sales, null, CancellationToken.None));

        Assert.Null(await users.CreateUserAsync("admin", "sam", Role.Admin, null, CancellationToken.None));

        Assert.Equal(1, await db.AuditEvents.CountAsync());
        Assert.Equal(Role.Sales, (await db.Users.AsNoTracking().SingleAsync()).Role);
    }

    [Fact]
    public async Task A_password_signs_in_only_its_own_user()
    {
        await using var db = Context();
        var users = Users(db);
        await users.CreateUserAsync("admin", "vic", Role.Viewer, "a long enough secret", CancellationToken.None);
        await users.CreateUserAsync("admin", "keyonly", Role.Sales, null, CancellationToken.None);

        Assert.Equal(new AuthenticatedUser("vic", Role.Viewer), await users.AuthenticatePasswordAsync("vic", "a long enough secret", CancellationToken.None));
        Assert.Null(await users.AuthenticatePasswordAsync("vic", "a long enough secreT", CancellationToken.None));
        Assert.Null(await users.AuthenticatePasswordAsync("nobody", "a long enough secret", CancellationToken.None));
        Assert.Null(await users.AuthenticatePasswordAsync("keyonly", "a long enough secret", CancellationToken.None));
    }

    [Fact]
    public async Task An_api_key_works_until_it_expires_and_only_its_hash_is_stored()
    {
        await using var db = Context();
        var users = Users(db);
        await users.CreateUserAsync("admin", "erp", Role.Sales, null, CancellationToken.None);

        var issued = await users.IssueApiKeyAsync("admin", "erp", expiresAt: null, CancellationToken.None);

        Assert.NotNull(issued);
        Assert.StartsWith("clr_", issued.Key, StringComparison.Ordinal);
        Assert.Equal(_clock.GetUtcNow().UtcDateTime + UserWorkflow.DefaultKeyLifetime, issued.ExpiresAt);
        Assert.Equal(new AuthenticatedUser("erp", Role.Sales), await users.AuthenticateApiKeyAsync(issued.Key, CancellationToken.None));
        var stored = await db.ApiKeys.AsNoTracking().SingleAsync();
        Assert.Equal(ApiKeys.Hash(issued.Key), stored.KeyHash);
        Assert.Equal(64, stored.KeyHash.Length);
        Assert.DoesNotContain(await db.AuditEvents.Select(e => e.Payload).ToListAsync(), p => p.Contains(issued.Key[4..], StringComparison.Ordinal));

        _clock.Advance(UserWorkflow.DefaultKeyLifetime - TimeSpan.FromSeconds(1));
        Assert.NotNull(await users.AuthenticateApiKeyAsync(issued.Key, CancellationToken.None));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(await users.AuthenticateApiKeyAsync(issued.Key, CancellationToken.None));
    }

    [Fact]
    public async Task Unknown_keys_and_keys_for_unknown_users_get_nothing()
    {
        await using var db = Context();
        var users = Users(db);

        Assert.Null(await users.IssueApiKeyAsync("admin", "nobody", null, CancellationToken.None));
        Assert.Null(await users.AuthenticateApiKeyAsync(ApiKeys.Generate(), CancellationToken.None));
        Assert.Equal(0, await db.AuditEvents.CountAsync());
    }

    [Fact]
    public async Task First_start_creates_admin_once_with_a_generated_password()
    {
        await using var db = Context();
        var users = Users(db);

        var first = await users.EnsureAdminAsync(password: null, apiKey: null, CancellationToken.None);
        var second = await users.EnsureAdminAsync(password: null, apiKey: null, CancellationToken.None);

        Assert.True(first.Created);
        Assert.NotNull(first.GeneratedPassword);
        Assert.True(first.GeneratedPassword.Length >= UserWorkflow.MinimumPasswordLength);
        Assert.Equal(new AuthenticatedUser("admin", Role.Admin), await users.AuthenticatePasswordAsync("admin", first.GeneratedPassword, CancellationToken.None));
        Assert.Equal(new AdminBootstrap(false, null), second);
        Assert.Equal(1, await db.Users.CountAsync());
        Assert.Equal(AuditLog.SystemActor, (await db.AuditEvents.SingleAsync()).Actor);
    }

    [Fact]
    public async Task A_configured_admin_key_authenticates_and_does_not_expire()
    {
        const string key = "an operator-chosen key of 40 characters!";
        await using var db = Context();
        var users = Users(db);

        var bootstrap = await users.EnsureAdminAsync("configured password", key, CancellationToken.None);
        _clock.Advance(TimeSpan.FromDays(3650));

        Assert.Equal(new AdminBootstrap(true, null), bootstrap);
        Assert.Equal(new AuthenticatedUser("admin", Role.Admin), await users.AuthenticateApiKeyAsync(key, CancellationToken.None));
        Assert.Equal("configured", (await db.ApiKeys.SingleAsync()).Prefix);
        Assert.Equal(["user.created", "api-key.issued"], await db.AuditEvents.OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
    }

    [Fact]
    public async Task A_configured_admin_key_or_password_that_is_too_short_stops_the_start()
    {
        await using var db = Context();
        var users = Users(db);

        await Assert.ThrowsAsync<InvalidOperationException>(() => users.EnsureAdminAsync(null, "short", CancellationToken.None));
        await Assert.ThrowsAsync<InvalidOperationException>(() => users.EnsureAdminAsync("short", null, CancellationToken.None));
        Assert.Equal(0, await db.Users.CountAsync());
    }
}
