namespace Clearance.Rules.Licensing;

/// <summary>What a compliance officer decided about a screening hit.</summary>
public enum HitDisposition
{
    /// <summary>Not yet looked at: a potential hit, which holds the order.</summary>
    Pending,

    /// <summary>The party is the listed entity.</summary>
    ConfirmedMatch,

    /// <summary>The party is not the listed entity.</summary>
    FalsePositive,
}
