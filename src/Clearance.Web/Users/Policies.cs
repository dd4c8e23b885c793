namespace Clearance.Web.Users;

/// <summary>Who may call what. Every endpoint names one of these or is open only to signed-in users (the fallback).</summary>
public static class Policies
{
    /// <summary>admin.</summary>
    public const string ManageUsers = "manage-users";

    /// <summary>auditor, admin.</summary>
    public const string ReadAudit = "read-audit";

    /// <summary>sales, admin.</summary>
    public const string SubmitOrders = "submit-orders";

    /// <summary>Every role: sales read back what they submitted, officers work the holds, auditors and viewers look.</summary>
    public const string ReadOrders = "read-orders";

    /// <summary>compliance-officer.</summary>
    public const string ReleaseOrders = "release-orders";

    /// <summary>Every role: parties, alerts and list versions are read by everyone who works with orders.</summary>
    public const string ReadScreening = "read-screening";

    /// <summary>sales, compliance-officer, admin: sales keeps the customer master with the ERP, officers correct it.</summary>
    public const string ManageParties = "manage-parties";

    /// <summary>compliance-officer: a disposition is an officer's finding, like a release.</summary>
    public const string DispositionAlerts = "disposition-alerts";

    /// <summary>compliance-officer, admin.</summary>
    public const string ImportLists = "import-lists";

    /// <summary>compliance-officer, admin: licenses are entered, amended and revoked by officers.</summary>
    public const string ManageLicenses = "manage-licenses";

    /// <summary>compliance-officer, auditor, admin: the revenue-share ledger.</summary>
    public const string ReadObligations = "read-obligations";
}
