namespace Clearance.Rules.Licensing;

/// <summary>The declared end use of an order.</summary>
public enum EndUse
{
    /// <summary>No specific end use.</summary>
    General,

    /// <summary>Use in a datacenter.</summary>
    Datacenter,

    /// <summary>Development, production, operation … of a supercomputer (15 CFR 744.23(a)(1)).</summary>
    Supercomputer,

    /// <summary>Development or production of ICs at an advanced-node facility (15 CFR 744.23(a)(2)).</summary>
    AdvancedNodeIc,
}
