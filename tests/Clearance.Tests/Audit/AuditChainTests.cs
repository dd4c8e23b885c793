using System.Text.Json;
using Clearance.Audit;
using Clearance.Data;
using Clearance.Tests.Databases;
using Clearance.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Clearance.Tests.Audit;

public sealed class SqliteAuditChainTests : AuditChainTests<SqliteDatabase>;

public sealed class PostgresAuditChainTests : AuditChainTests<PostgresDatabase>;

public abstract class AuditChainTests<TDb> : IAsyncLifetime
    where TDb : ITestDatabase, new()
{
    readonly TDb _database = new();
    readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 30, 15, TimeSpan.Zero).AddTicks(1234567));

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    ClearanceDbContext Context() => _database.Settings.CreateContext();

    async Task CreateUsersAsync(params string[] names)
    {
        await using var db = Context();
        var users = new UserWorkflow(db, new AuditLog(db, _clock), _clock);
        foreach (var name in names)
        {
            Assert.NotNull(await users.CreateUserAsync("admin", name, Role.Viewer, password: null, CancellationToken.None));
            _clock.Advance(TimeSpan.FromMinutes(1));
        }
    }

    async Task<AuditVerification> VerifyAsync()
    {
        await using var db = Context();
        return await new AuditVerifier(db).VerifyAsync(CancellationToken.None);
    }

    async Task ExecuteAsync(params string[] statements)
    {
        await using var db = Context();
        foreach (var sql in statements)
        {
            await db.Database.ExecuteSqlRawAsync(sql);
        }
    }

    [Fact]
    public async Task An_untouched_chain_verifies_after_a_round_trip_through_the_database()
    {
        await CreateUsersAsync("ann", "bob", "cy");

        var result = await VerifyAsync();

        Assert.True(result.Ok, result.Problem);
        Assert.Equal(3, result.Events);
        Assert.Null(result.FirstBrokenEvent);
        await using var db = Context();
        var last = await db.AuditEvents.OrderBy(e => e.Id).LastAsync();
        Assert.Equal(last.Hash, result.HeadHash);
        Assert.Equal(new DateTime(2026, 3, 2, 9, 32, 15, 123, 456, DateTimeKind.Utc), last.OccurredAt);
    }

    [Fact]
    public async Task An_empty_log_verifies()
    {
        var result = await VerifyAsync();

        Assert.True(result.Ok);
        Assert.Equal(0, result.Events);
        Assert.Equal(AuditChain.GenesisHash, result.HeadHash);
    }

    [Fact]
    public async Task Editing_an_event_is_reported_at_that_event()
    {
        await CreateUsersAsync("ann", "bob", "cy", "dee");
        await ExecuteAsync("""UPDATE audit_events SET "Payload" = '{{"userName":"bob","role":"admin","password":false}}' WHERE "Id" = 2""");

        var result = await VerifyAsync();

        Assert.False(result.Ok);
        Assert.Equal(2, result.FirstBrokenEvent);
        Assert.Contains("edited", result.Problem, StringComparison.Ordinal);
        Assert.Equal(4, result.Events);
    }

    [Fact]
    public async Task Editing_the_actor_or_time_of_an_event_is_reported_too()
    {
        await CreateUsersAsync("ann", "bob", "cy");
        await ExecuteAsync("""UPDATE audit_events SET "Actor" = 'someone-else' WHERE "Id" = 3""");

        Assert.Equal(3, (await VerifyAsync()).FirstBrokenEvent);
    }

    [Fact]
    public async Task Deleting_an_event_is_reported_at_the_event_after_the_gap()
    {
        await CreateUsersAsync("ann", "bob", "cy", "dee");
        await ExecuteAsync("""DELETE FROM audit_events WHERE "Id" = 2""");

        var result = await VerifyAsync();

        Assert.False(result.Ok);
        Assert.Equal(3, result.FirstBrokenEvent);
        Assert.Contains("missing", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_an_event_and_renumbering_the_rest_is_reported_at_the_renumbered_event()
    {
        await CreateUsersAsync("ann", "bob", "cy", "dee");
        await ExecuteAsync(
            """DELETE FROM audit_events WHERE "Id" = 2""",
            """UPDATE audit_events SET "Id" = 2 WHERE "Id" = 3""",
            """UPDATE audit_events SET "Id" = 3 WHERE "Id" = 4""");

        var result = await VerifyAsync();

        Assert.False(result.Ok);
        Assert.Equal(2, result.FirstBrokenEvent);
    }

    [Fact]
    public async Task Swapping_two_events_is_reported_at_the_first_one_out_of_order()
    {
        await CreateUsersAsync("ann", "bob", "cy", "dee");
        await ExecuteAsync(
            """UPDATE audit_events SET "Id" = -1 WHERE "Id" = 2""",
            """UPDATE audit_events SET "Id" = 2 WHERE "Id" = 3""",
            """UPDATE audit_events SET "Id" = 3 WHERE "Id" = -1""");

        var result = await VerifyAsync();

        Assert.False(result.Ok);
        Assert.Equal(2, result.FirstBrokenEvent);
        Assert.Contains("reordered", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rewriting_an_event_with_a_fresh_hash_is_reported_at_the_next_event()
    {
        await CreateUsersAsync("ann", "bob", "cy");
        await using (var db = Context())
        {
            var second = await db.AuditEvents.AsNoTracking().SingleAsync(e => e.Id == 2);
            var forged = new AuditEvent
            {
                Id = 2,
                OccurredAt = second.OccurredAt,
                Actor = "mallory",
                Action = second.Action,
                EntityType = second.EntityType,
                EntityId = second.EntityId,
                Payload = second.Payload,
                PreviousHash = second.PreviousHash,
            };
            var hash = AuditChain.Hash(forged.PreviousHash, AuditChain.CanonicalJson(forged));
            await db.Database.ExecuteSqlAsync($"""UPDATE audit_events SET "Actor" = 'mallory', "Hash" = {hash} WHERE "Id" = 2""");
        }

        var result = await VerifyAsync();

        Assert.Equal(3, result.FirstBrokenEvent);
        Assert.Contains("previous hash", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_rolled_back_takes_its_audit_event_with_it()
    {
        await CreateUsersAsync("ann");
        await using (var db = Context())
        {
            var audit = new AuditLog(db, _clock);
            await using var transaction = await audit.BeginAsync(CancellationToken.None);
            db.Users.Add(new User { UserName = "ghost", Role = Role.Admin, CreatedAt = _clock.GetUtcNow().UtcDateTime, CreatedBy = "admin" });
            await audit.AppendAsync(new AuditEntry("admin", "user.created", "user", "ghost", new { }), CancellationToken.None);
            await db.SaveChangesAsync();
        }

        await CreateUsersAsync("bob");

        var result = await VerifyAsync();
        Assert.True(result.Ok, result.Problem);
        Assert.Equal(2, result.Events);
        await using var check = Context();
        Assert.False(await check.Users.AnyAsync(u => u.UserName == "ghost"));
    }

    [Fact]
    public async Task Appending_outside_a_transaction_is_refused()
    {
        await using var db = Context();
        var audit = new AuditLog(db, _clock);

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            audit.AppendAsync(new AuditEntry("admin", "user.created", "user", "x", new { }), CancellationToken.None));
    }

    [Fact]
    public async Task Writers_in_parallel_each_get_their_own_link_of_one_chain()
    {
        var names = Enumerable.Range(0, 12).Select(i => $"user{i}").ToArray();

        await Task.WhenAll(names.Select(name => Task.Run(() => CreateUsersAsync(name))));

        var result = await VerifyAsync();
        Assert.True(result.Ok, result.Problem);
        Assert.Equal(12, result.Events);
        await using var db = Context();
        Assert.Equal(Enumerable.Range(1, 12).Select(i => (long)i), await db.AuditEvents.OrderBy(e => e.Id).Select(e => e.Id).ToListAsync());
    }

    [Fact]
    public async Task Records_and_audit_events_cannot_be_deleted_or_changed_through_the_application()
    {
        await CreateUsersAsync("ann");
        await using var db = Context();

        db.Users.Remove(await db.Users.SingleAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();

        db.AuditEvents.Remove(await db.AuditEvents.SingleAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task Export_writes_the_days_asked_for_as_lines_an_auditor_can_rehash()
    {
        await CreateUsersAsync("ann");
        _clock.Advance(TimeSpan.FromDays(1));
        await CreateUsersAsync("bob", "cy");
        _clock.Advance(TimeSpan.FromDays(1));
        await CreateUsersAsync("dee");

        var output = new StringWriter();
        await using (var db = Context())
        {
            var written = await new AuditExporter(db).WriteJsonLinesAsync(new DateOnly(2026, 3, 3), new DateOnly(2026, 3, 3), output, CancellationToken.None);
            Assert.Equal(2, written);
        }

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal([2L, 3L], lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetInt64()));
        foreach (var line in lines)
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            var canonical = "{" + string.Join(',', root.EnumerateObject()
                .Where(p => p.Name is not ("hash" or "previousHash"))
                .Select(p => $"\"{p.Name}\":{p.Value.GetRawText()}")) + "}";
            Assert.Equal(root.GetProperty("hash").GetString(), AuditChain.Hash(root.GetProperty("previousHash").GetString()!, canonical));
        }
    }
}
