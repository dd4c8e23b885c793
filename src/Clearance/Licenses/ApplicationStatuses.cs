namespace Clearance.Licenses;

/// <summary>Where a license application stands. A draft is submitted; BIS approves it (with or without conditions),
/// returns it without action (it may be corrected and submitted again) or denies it; the applicant may withdraw it
/// until it is decided.</summary>
public static class ApplicationStatuses
{
    public const string Draft = "draft";
    public const string Submitted = "submitted";
    public const string Approved = "approved";
    public const string ApprovedWithConditions = "approved-with-conditions";
    public const string Returned = "returned";
    public const string Denied = "denied";
    public const string Withdrawn = "withdrawn";

    public static IReadOnlyList<string> All { get; } = [Draft, Submitted, Approved, ApprovedWithConditions, Returned, Denied, Withdrawn];

    /// <summary>The outcomes of a decision on a submitted application.</summary>
    public static IReadOnlyList<string> Outcomes { get; } = [Approved, ApprovedWithConditions, Returned, Denied];

    /// <summary>The states each state may move to.</summary>
    static readonly Dictionary<string, string[]> Next = new(StringComparer.Ordinal)
    {
        [Draft] = [Submitted, Withdrawn],
        [Returned] = [Submitted, Withdrawn],
        [Submitted] = [Approved, ApprovedWithConditions, Returned, Denied, Withdrawn],
        [Approved] = [],
        [ApprovedWithConditions] = [],
        [Denied] = [],
        [Withdrawn] = [],
    };

    public static bool CanMove(string from, string to) => Next.TryGetValue(from, out var next) && next.Contains(to, StringComparer.Ordinal);

    /// <summary>The states an application may move to from <paramref name="from"/>, for error messages.</summary>
    public static IReadOnlyList<string> From(string from) => Next.TryGetValue(from, out var next) ? next : [];
}
