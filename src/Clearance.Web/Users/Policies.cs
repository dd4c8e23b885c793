namespace Clearance.Web.Users;

/// <summary>Who may call what. Every endpoint names one of these or is open only to signed-in users (the fallback).</summary>
public static class Policies
{
    /// <summary>admin.</summary>
    public const string ManageUsers = "manage-users";

    /// <summary>auditor, admin.</summary>
    public const string ReadAudit = "read-audit";
}
