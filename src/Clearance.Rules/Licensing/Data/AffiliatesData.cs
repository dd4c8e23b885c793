namespace Clearance.Rules.Licensing.Data;

/// <summary>One dated version of the Affiliates (50%) rule: in force, or suspended.</summary>
sealed record AffiliatesData : VersionData
{
    /// <summary>False while the rule is suspended.</summary>
    public required bool InForce { get; init; }

    public required double OwnershipPercent { get; init; }

    /// <summary>Where the rule says ownership counts "individually or in the aggregate".</summary>
    public required string AggregationCitation { get; init; }

    /// <summary>Said after the finding while this version is in force, with <see cref="NoteCitation"/>.</summary>
    public string? Note { get; init; }

    public string? NoteCitation { get; init; }
}
