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

    public List<ApiKey> ApiKeys { get; } = [];
}
