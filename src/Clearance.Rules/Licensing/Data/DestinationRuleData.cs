namespace Clearance.Rules.Licensing.Data;

sealed record DestinationRuleData
{
    public required DateOnly From { get; init; }
    public DateOnly? Until { get; init; }
    public required IReadOnlyList<string> Destinations { get; init; }
    public required string Citation { get; init; }
    public bool Unconfirmed { get; init; }
    public ReviewPolicy? ReviewPolicy { get; init; }
    public string? ReviewPolicyCitation { get; init; }
    public bool ReviewPolicyUnconfirmed { get; init; }
    public string? Note { get; init; }
}
