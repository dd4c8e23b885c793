namespace Clearance.Rules.Licensing.Data;

/// <summary>The citations of findings that rest on no dated provision of their own: the CFR text each one cites.</summary>
sealed record CitationsData
{
    /// <summary>A shipment within the United States is not an export.</summary>
    public required string NotAnExport { get; init; }

    /// <summary>A party not screened against the restricted-party lists.</summary>
    public required string ScreeningNotPerformed { get; init; }

    /// <summary>A pending or false-positive hit on a list the engine has no rule for.</summary>
    public required string ScreeningHitOnUnknownList { get; init; }

    /// <summary>A confirmed match on a list the engine has no rule for.</summary>
    public required string UnknownList { get; init; }

    /// <summary>No advanced-computing entry applies to the item.</summary>
    public required string ItemNotControlled { get; init; }

    /// <summary>3A991.p / 4A994.l: anti-terrorism controls only.</summary>
    public required string AntiTerrorismOnly { get; init; }

    /// <summary>A figure the classification needs is missing.</summary>
    public required string ClassificationIndeterminate { get; init; }
}
