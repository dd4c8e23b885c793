namespace Clearance.Users;

/// <summary>Why sessions end, as stored and audited.</summary>
public static class SessionEnd
{
    public const string SignedOut = "signed-out";
    public const string PasswordChanged = "password-changed";
    public const string PasswordReset = "password-reset";
    public const string Disabled = "disabled";
}
