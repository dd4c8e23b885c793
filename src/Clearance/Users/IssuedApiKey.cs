namespace Clearance.Users;

/// <summary>A new API key. <c>Key</c> is the key itself: this is the only time it exists outside the caller's hands.</summary>
public sealed record IssuedApiKey(string UserName, string Key, string Prefix, DateTime? ExpiresAt);
