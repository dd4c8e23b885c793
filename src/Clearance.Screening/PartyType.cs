namespace Clearance.Screening;

/// <summary>The kind of party a name belongs to, when known.</summary>
public enum PartyType
{
    /// <summary>Not stated (most non-OFAC CSL rows).</summary>
    Unknown,

    /// <summary>A natural person.</summary>
    Individual,

    /// <summary>A company, organisation or other legal entity.</summary>
    Entity,

    /// <summary>A ship.</summary>
    Vessel,

    /// <summary>An aircraft.</summary>
    Aircraft,
}
