namespace Clearance.Rules.Licensing;

/// <summary>The outcome for an order or a line, best first; an order takes the worst of its lines and parties.</summary>
public enum Verdict
{
    /// <summary>No license is needed.</summary>
    Cleared,

    /// <summary>A license is needed but a license exception covers it.</summary>
    Exception,

    /// <summary>A license is needed.</summary>
    LicenseRequired,

    /// <summary>A person must look first (an undispositioned screening hit, a prohibited party, an item that cannot be classified).</summary>
    Hold,
}
