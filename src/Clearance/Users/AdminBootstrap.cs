namespace Clearance.Users;

/// <summary>What first start did: <paramref name="GeneratedPassword"/> is set when no password was configured and must be shown once.</summary>
public sealed record AdminBootstrap(bool Created, string? GeneratedPassword);
