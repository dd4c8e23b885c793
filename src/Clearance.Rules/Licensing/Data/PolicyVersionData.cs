namespace Clearance.Rules.Licensing.Data;

/// <summary>One dated version of a review policy.</summary>
sealed record PolicyVersionData : VersionData
{
    public required ReviewPolicy Policy { get; init; }

    public string? Note { get; init; }
}
