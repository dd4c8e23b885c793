namespace Clearance.Users;

/// <summary>An integration's credential. Only the SHA-256 of the key is stored; the key itself is shown once.</summary>
public sealed class ApiKey
{
    public int Id { get; private set; }

    public int UserId { get; private set; }

    public User User { get; init; } = null!;

    /// <summary>Lower-case hex SHA-256 of the whole key, as UTF-8.</summary>
    public required string KeyHash { get; init; }

    /// <summary>The key's first characters, enough to tell keys apart in listings and the audit log, useless to an attacker.</summary>
    public required string Prefix { get; init; }

    public required DateTime CreatedAt { get; init; }

    /// <summary>When the key stops working; revoking a key sets it to the moment of revocation (nothing is deleted).</summary>
    public DateTime? ExpiresAt { get; set; }
}
