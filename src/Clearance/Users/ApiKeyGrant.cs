namespace Clearance.Users;

/// <summary>Whom an API key signs in, and until when (null: no expiry).</summary>
public sealed record ApiKeyGrant(AuthenticatedUser User, DateTime? ExpiresAt)
{
    public bool IsValidAt(DateTime utcNow) => ExpiresAt is not { } expiresAt || utcNow < expiresAt;
}
