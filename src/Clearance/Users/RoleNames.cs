namespace Clearance.Users;

public static class RoleNames
{
    public const string Viewer = "viewer";
    public const string Sales = "sales";
    public const string ComplianceOfficer = "compliance-officer";
    public const string Auditor = "auditor";
    public const string Admin = "admin";

    public static IReadOnlyList<Role> All { get; } = Enum.GetValues<Role>();

    public static string Name(this Role role) => role switch
    {
        Role.Viewer => Viewer,
        Role.Sales => Sales,
        Role.ComplianceOfficer => ComplianceOfficer,
        Role.Auditor => Auditor,
        Role.Admin => Admin,
    };

    public static Role? Parse(string? name)
    {
        foreach (var role in All)
        {
            if (string.Equals(role.Name(), name, StringComparison.Ordinal))
            {
                return role;
            }
        }

        return null;
    }

    public static Role ParseStored(string name) =>
        Parse(name) ?? throw new InvalidOperationException($"The database holds an unknown role '{name}'.");
}
