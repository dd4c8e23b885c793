namespace Clearance.Rules.Licensing;

/// <summary>What screening said about a party.</summary>
public enum ScreeningDecision
{
    /// <summary>No list entry scored at or above the threshold.</summary>
    Clear,

    /// <summary>A list entry scored at or above the threshold.</summary>
    Hit,

    /// <summary>The party was not screened; nothing clears without screening.</summary>
    NotScreened,
}
