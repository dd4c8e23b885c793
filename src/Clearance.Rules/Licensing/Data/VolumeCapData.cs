namespace Clearance.Rules.Licensing.Data;

/// <summary>The China:U.S. volume cap of a license (a condition of the January-2026 case-by-case policy): its scope is the
/// <c>$.chinaCaseByCase</c> version in force on the shipment date; on a date before any version, the version that starts
/// on <see cref="ScopeBeforeFirstVersion"/> (the rule that introduced the condition).</summary>
sealed record VolumeCapData
{
    public required DateOnly ScopeBeforeFirstVersion { get; init; }
    public required string Citation { get; init; }
}
