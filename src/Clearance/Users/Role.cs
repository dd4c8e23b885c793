namespace Clearance.Users;

/// <summary>What a user may do. The wire and database names are in <see cref="RoleNames"/>.</summary>
public enum Role
{
    Viewer,
    Sales,
    ComplianceOfficer,
    Auditor,
    Admin,
}
