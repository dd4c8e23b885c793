namespace Clearance.Users;

/// <summary>What an administrative change to a user did.</summary>
public enum UserChange
{
    Changed,
    NotFound,

    /// <summary>Refused: the user is the last enabled admin, and without one nobody could manage users again.</summary>
    LastAdmin,
}
