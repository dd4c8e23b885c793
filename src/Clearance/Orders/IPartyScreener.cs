namespace Clearance.Orders;

/// <summary>The seam between order evaluation and restricted-party screening: screening results become facts about a
/// party that the license engine reads.</summary>
public interface IPartyScreener
{
    /// <summary>A description of the lists screened against (source and version), for the record.</summary>
    string Lists { get; }

    /// <summary>The lists screened against, each with the date its snapshot is current on (empty when not known).</summary>
    IReadOnlyList<Lists.ListDate> Dates => [];

    /// <summary>The candidates for one name (best first), each with its decision against the screening threshold, and
    /// the index matches they were made from.</summary>
    ScreenedName Screen(string name, string? country, string? address);
}
