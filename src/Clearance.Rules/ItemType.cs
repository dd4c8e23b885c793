namespace Clearance.Rules;

/// <summary>What kind of item a specification describes.</summary>
public enum ItemType
{
    /// <summary>An integrated circuit (a chip).</summary>
    Ic,

    /// <summary>A board or module carrying one or more chips.</summary>
    Board,

    /// <summary>A computer, server or system containing chips.</summary>
    Computer,
}
