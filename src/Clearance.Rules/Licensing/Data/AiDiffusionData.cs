namespace Clearance.Rules.Licensing.Data;

sealed record AiDiffusionData
{
    public required DateOnly From { get; init; }
    public required DateOnly ComplianceFrom { get; init; }
    public required string Citation { get; init; }

    /// <summary>The entries the rule as written requires a license for to every destination (15 CFR 742.6(a)(6)(iii)(A)).</summary>
    public required IReadOnlyList<string> WorldwideEccns { get; init; }
    public required DateOnly NonEnforcementFrom { get; init; }
    public required string NonEnforcementCitation { get; init; }
    public required IReadOnlyList<string> AiaCountries { get; init; }
    public required string AiaCitation { get; init; }
    public bool AiaUnconfirmed { get; init; }
    public required double LppMaxTppPerConsigneePerYear { get; init; }
    public required string LppCitation { get; init; }
}
