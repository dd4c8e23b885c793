namespace Clearance.Lists;

/// <summary>Where a stored list version stands (<see cref="ListVersion.Status"/>).</summary>
public static class ListVersionStatus
{
    /// <summary>Screened (the newest effective version of its source) or superseded by a newer one.</summary>
    public const string Effective = "effective";

    /// <summary>Forced past the removal or format guard; waits for a second person's approval and is not screened.</summary>
    public const string Pending = "pending";

    /// <summary>A pending version that was approved: its content took effect as the version <see cref="ListVersion.ApprovedVersionId"/> points from.</summary>
    public const string Approved = "approved";
}
