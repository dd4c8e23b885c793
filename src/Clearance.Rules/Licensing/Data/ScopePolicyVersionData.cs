namespace Clearance.Rules.Licensing.Data;

/// <summary>One dated version of the review policy for the advanced-computing license requirement, by who receives the item.</summary>
sealed record ScopePolicyVersionData : VersionData
{
    /// <summary>To or within Macau or a Country Group D:5 destination.</summary>
    public required ReviewPolicy MacauOrD5 { get; init; }

    /// <summary>Elsewhere, for an entity headquartered (or whose ultimate parent is headquartered) in Macau or D:5.</summary>
    public required ReviewPolicy Headquartered { get; init; }

    /// <summary>Elsewhere, for anyone else.</summary>
    public required ReviewPolicy Otherwise { get; init; }
}
