namespace Clearance.Audit;

/// <summary>
/// What a workflow asks <see cref="AuditLog"/> to record; the log adds id, time and hashes.
/// The payload is serialised as camelCase JSON: never put a secret in it.
/// </summary>
public sealed record AuditEntry(string Actor, string Action, string EntityType, string EntityId, object Payload)
{
    public string? VintageId { get; init; }

    public string? ListVersionHash { get; init; }
}
