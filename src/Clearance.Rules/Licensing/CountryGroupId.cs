namespace Clearance.Rules.Licensing;

/// <summary>The EAR country groups (15 CFR part 740, supp. no. 1) the advanced-computing rules use.</summary>
public enum CountryGroupId
{
    /// <summary>A:5, STA-eligible (Tier 1).</summary>
    A5,

    /// <summary>A:6, additional STA-eligible.</summary>
    A6,

    /// <summary>D:1, national security concern.</summary>
    D1,

    /// <summary>D:4, missile technology concern.</summary>
    D4,

    /// <summary>D:5, U.S. arms-embargoed countries.</summary>
    D5,

    /// <summary>E:1, terrorist-supporting countries.</summary>
    E1,

    /// <summary>E:2, unilateral embargo.</summary>
    E2,
}
