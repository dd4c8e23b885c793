namespace Clearance.Users;

/// <summary>A browser's sign-in. The cookie carries a random token; only its SHA-256 is stored, and a session ends
/// server-side (sign-out, password change, disable), so a copied cookie stops working with it. Never deleted.</summary>
public sealed class Session
{
    public long Id { get; private set; }

    public int UserId { get; private set; }

    public User User { get; init; } = null!;

    /// <summary>Lower-case hex SHA-256 of the token, as UTF-8 (<see cref="ApiKeys.Hash"/>).</summary>
    public required string TokenHash { get; init; }

    public required DateTime StartedAt { get; init; }

    public DateTime? EndedAt { get; set; }

    /// <summary>Why it ended: signed-out, password-changed, password-reset, disabled.</summary>
    public string? EndReason { get; set; }
}
