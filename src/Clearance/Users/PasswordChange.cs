namespace Clearance.Users;

/// <summary>What a user's own password change did.</summary>
public enum PasswordChange
{
    Changed,

    /// <summary>The current password given was wrong (or the user has none, or is disabled).</summary>
    WrongPassword,
}
