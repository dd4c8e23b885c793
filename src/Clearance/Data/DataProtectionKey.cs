namespace Clearance.Data;

/// <summary>
/// One key of the web host's data-protection key ring (it signs the sign-in cookies), kept in the database so that
/// every instance serving the same database accepts the cookies of the others.
/// </summary>
public sealed class DataProtectionKey
{
    public int Id { get; private set; }

    public string? FriendlyName { get; init; }

    public required string Xml { get; init; }
}
