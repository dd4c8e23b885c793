namespace Clearance.Rules.Licensing.Data;

sealed record ListRuleData
{
    public required IReadOnlyList<string> Keywords { get; init; }
    public required string Name { get; init; }
    public required ListEffect Effect { get; init; }
    public required string Citation { get; init; }
    public required string ExceptionsBarredCitation { get; init; }

    /// <summary>The review policy most entries of the list carry, assumed (and flagged) when a matched entry gives none.</summary>
    public ReviewPolicy? DefaultReviewPolicy { get; init; }

    public string? DefaultReviewPolicyCitation { get; init; }
}
