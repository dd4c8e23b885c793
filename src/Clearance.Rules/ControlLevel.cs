namespace Clearance.Rules;

/// <summary>The tier of the advanced-computing controls an item falls in, independent of chip versus board.</summary>
public enum ControlLevel
{
    /// <summary>No advanced-computing entry applies.</summary>
    NotControlled,

    /// <summary>A figure the rule needs is missing.</summary>
    Indeterminate,

    /// <summary>3A090 / 4A090 as created in October 2022.</summary>
    AdvancedComputing2022,

    /// <summary>3A090.a / 4A090.a.</summary>
    AdvancedComputingA,

    /// <summary>3A090.b / 4A090.b.</summary>
    AdvancedComputingB,

    /// <summary>3A090.c (high-bandwidth memory).</summary>
    HighBandwidthMemory,

    /// <summary>3A991.p / 4A994.l (anti-terrorism controls only).</summary>
    AntiTerrorismOnly,
}
