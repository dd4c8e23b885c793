namespace Clearance.Rules.Licensing.Data;

/// <summary>A dated version of the countries the advanced-computing license requirement names outside the D groups.</summary>
sealed record UaeChartsData : VersionData
{
    public required IReadOnlyList<string> Countries { get; init; }

    public required string Note { get; init; }
}
