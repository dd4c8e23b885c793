namespace Clearance.Lists;

/// <param name="Result">What happened.</param>
/// <param name="Version">The effective version the approval created.</param>
/// <param name="Error">Why nothing was approved.</param>
public sealed record ListApprovalOutcome(ListApprovalResult Result, ListVersion? Version, string? Error);
