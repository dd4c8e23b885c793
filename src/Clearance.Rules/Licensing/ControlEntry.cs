namespace Clearance.Rules.Licensing;

/// <summary>The advanced-computing classification of an item, as the license engine distinguishes it.</summary>
public enum ControlEntry
{
    /// <summary>No advanced-computing entry applies.</summary>
    None,

    /// <summary>A figure the classification needs is missing.</summary>
    Indeterminate,

    /// <summary>ECCN 3A090 as created in 2022 (87 FR 62186).</summary>
    Eccn3A090Of2022,

    /// <summary>ECCN 4A090 as created in 2022 (87 FR 62186).</summary>
    Eccn4A090Of2022,

    /// <summary>ECCN 3A090.a.</summary>
    Eccn3A090A,

    /// <summary>ECCN 3A090.b.</summary>
    Eccn3A090B,

    /// <summary>ECCN 3A090.c (high-bandwidth memory).</summary>
    Eccn3A090C,

    /// <summary>ECCN 4A090.a.</summary>
    Eccn4A090A,

    /// <summary>ECCN 4A090.b.</summary>
    Eccn4A090B,

    /// <summary>ECCN 3A991.p (AT only).</summary>
    Eccn3A991P,

    /// <summary>ECCN 4A994.l (AT only).</summary>
    Eccn4A994L,
}
