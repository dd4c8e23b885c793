namespace Clearance.Rules.Licensing.Data;

/// <summary>One dated version of the 2022 advanced-computing license requirement (15 CFR 742.6(a)(6)(i), 2022/2023
/// text): the destinations it covers, each with its own citation, and its review policy.</summary>
sealed record China2022Data : VersionData
{
    public required IReadOnlyList<DestinationData> Destinations { get; init; }

    /// <summary>Said when a decision rests on this version's date (e.g. an effective date that was not retrieved).</summary>
    public string? Note { get; init; }

    public required ReviewPolicy ReviewPolicy { get; init; }

    public required string ReviewPolicyCitation { get; init; }

    public bool ReviewPolicyUnconfirmed { get; init; }

    public string? ReviewPolicyNote { get; init; }
}

/// <summary>A destination a requirement covers, with the instrument that added it.</summary>
sealed record DestinationData
{
    public required string Country { get; init; }

    public required string Citation { get; init; }

    public bool Unconfirmed { get; init; }
}
