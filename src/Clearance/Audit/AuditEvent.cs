namespace Clearance.Audit;

/// <summary>
/// One link of the audit chain. <see cref="Hash"/> is SHA-256 over <see cref="PreviousHash"/> and the event's canonical
/// JSON (<see cref="AuditChain"/>), so changing, removing or reordering any event breaks the chain from there on.
/// </summary>
public sealed class AuditEvent
{
    /// <summary>Position in the chain, from 1 without gaps; assigned by <see cref="AuditLog"/>, not by the database.</summary>
    public required long Id { get; init; }

    /// <summary>UTC, to the microsecond (what both providers store exactly).</summary>
    public required DateTime OccurredAt { get; init; }

    /// <summary>The user name of who caused the change, or <see cref="AuditLog.SystemActor"/>.</summary>
    public required string Actor { get; init; }

    /// <summary>What happened, as <c>entity.verb</c>: <c>user.created</c>, <c>api-key.issued</c>.</summary>
    public required string Action { get; init; }

    public required string EntityType { get; init; }

    public required string EntityId { get; init; }

    /// <summary>The change's details as compact JSON text, hashed exactly as stored.</summary>
    public required string Payload { get; init; }

    /// <summary>For decisions: the regulation vintage that decided.</summary>
    public string? VintageId { get; init; }

    /// <summary>For decisions: the hash of the restricted-party list version screened against.</summary>
    public string? ListVersionHash { get; init; }

    public required string PreviousHash { get; init; }

    public string Hash { get; private set; } = "";

    internal void Seal() => Hash = AuditChain.Hash(PreviousHash, AuditChain.CanonicalJson(this));
}
