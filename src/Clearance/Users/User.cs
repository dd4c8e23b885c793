namespace Clearance.Users;

public sealed class User
{
    public int Id { get; private set; }

    public required string UserName { get; init; }

    public required Role Role { get; set; }

    /// <summary>Null for users who only call the API with keys.</summary>
    public string? PasswordHash { get; set; }

    public required DateTime CreatedAt { get; init; }

    public required string CreatedBy { get; init; }

    /// <summary>Set while the user may not sign in or use its keys; null for an enabled user.</summary>
    public DateTime? DisabledAt { get; set; }

    public bool IsEnabled => DisabledAt is null;

    public List<ApiKey> ApiKeys { get; } = [];
}
