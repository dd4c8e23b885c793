using Clearance.Audit;

namespace Clearance.Tests.Audit;

/// <summary>
/// The hash rule is a contract with auditors' own tools: these expectations were computed outside .NET
/// (Python's hashlib.sha256 over the hand-written canonical text), so a change in the rule fails here.
/// </summary>
public sealed class AuditChainFormatTests
{
    static readonly AuditEvent Sample = new()
    {
        Id = 1,
        OccurredAt = new DateTime(2026, 1, 2, 3, 4, 5, 678, 901, DateTimeKind.Utc),
        Actor = "admin",
        Action = "user.created",
        EntityType = "user",
        EntityId = "olga \"o\"\n\u001f李",
        Payload = """{"a":1}""",
        VintageId = "2025-04-09",
        PreviousHash = AuditChain.GenesisHash,
    };

    [Fact]
    public void Canonical_json_sorts_members_and_escapes_only_what_rfc_8785_escapes() =>
        Assert.Equal(
            """{"action":"user.created","actor":"admin","entityId":"olga \"o\"\n\u001f李","entityType":"user","id":1,"listVersionHash":null,"occurredAt":"2026-01-02T03:04:05.678901Z","payload":"{\"a\":1}","vintageId":"2025-04-09"}""",
            AuditChain.CanonicalJson(Sample));

    [Fact]
    public void The_hash_is_sha256_of_the_previous_hash_followed_by_the_canonical_json() =>
        Assert.Equal(
            "d37d55706c2fcb51432a2719e3753d452afd46a0a298790ba539a443ca477eb5",
            AuditChain.Hash(AuditChain.GenesisHash, AuditChain.CanonicalJson(Sample)));

    [Fact]
    public void Time_is_cut_to_the_microsecond_both_databases_keep() =>
        Assert.Equal(
            new DateTime(2026, 1, 2, 3, 4, 5, 678, 901, DateTimeKind.Utc),
            AuditChain.Truncate(new DateTimeOffset(2026, 1, 2, 5, 4, 5, TimeSpan.FromHours(2)).AddTicks(6789019)));
}
