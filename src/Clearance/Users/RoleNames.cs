namespace Clearance.Users;

public static class RoleNames
{
    public const string Viewer = "viewer";
    public const string Sales = "sales";
    public const string ComplianceOfficer = "compliance-officer";
    public const string Auditor = "auditor";
    public const string Admin = "admin";

    public static IReadOnlyList<Role> All { get; } = Enum.GetValues<Role>();

    /// <summary>The wire and stored name (<see cref="WireNames"/>).</summary>
    public static string Name(this Role role) => WireNames.Name(role);

    public static Role? Parse(string? name) => WireNames.Parse<Role>(name);

    public static Role ParseStored(string name) =>
        Parse(name) ?? throw new InvalidOperationException($"The database holds an unknown role '{name}'.");
}
