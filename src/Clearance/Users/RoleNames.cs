namespace Clearance.Users;

public static class RoleNames
{
    public const string Viewer = "viewer";
    public const string Sales = "sales";
    public const string ComplianceOfficer = "compliance-officer";
    public const string Auditor = "auditor";
    public const string Admin = "admin";
}
