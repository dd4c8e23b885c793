namespace Clearance.Lists;

/// <summary>The list file formats Clearance reads.</summary>
public enum ListFormat
{
    /// <summary>trade.gov Consolidated Screening List, CSV.</summary>
    CslCsv,

    /// <summary>trade.gov Consolidated Screening List, JSON.</summary>
    CslJson,

    /// <summary>OFAC legacy CSV set: sdn.csv with optional alt.csv, add.csv, sdn_comments.csv.</summary>
    OfacLegacy,

    /// <summary>BIS Denied Persons List, tab-separated text.</summary>
    BisDpl,

    /// <summary>A company's own list: <c>id,name,aliases,country,list</c>.</summary>
    Custom,

    /// <summary>One agency list as a JSON object with <c>list_id</c> and <c>entities</c> (the 2026-07 component lists).</summary>
    PartyListJson,

    /// <summary>OFAC SDN names and aliases as a JSON object with <c>entries</c> (uid, name, aliases, program, type).</summary>
    OfacSdnJson,
}
