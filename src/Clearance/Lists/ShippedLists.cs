namespace Clearance.Lists;

/// <summary>The one place that names the list snapshots shipped in <c>data/lists/</c> and their dates.</summary>
/// <remarks>
/// The default screens the newest copy of every list: the component lists of the Consolidated Screening List as
/// extracted in 2026-07 and the OFAC SDN of 2026-07-11, and, only for the lists that set lacks (UVL, SSI, FSE, PLC,
/// CAPTA, NS-MBS), their rows of the CSL of 2022-05. The full CSL of 2022-05 stays shipped for tests and as the
/// fallback whose content a live CSL download can be compared with. The dates are each publication's own
/// (data/PROVENANCE.md): the eCFR text of July 2026 (extracted 2026-07-09) for the Entity List, the MEU List and the
/// CMIC list; the DPL export of 2026-04-14; the ISN master table of May 2025 (taken as 2025-05-01); the DDTC debarred lists of 2025-08-25
/// (statutory) and 2023-06-01 (administrative); the CSL of 2022-05-06 (its commit date; newest start date 2022-04-21).
/// </remarks>
public static class ShippedLists
{
    /// <summary>The source every CSL component list is screened as: a CSL download or import replaces all of them.</summary>
    public const string Csl = "csl";

    public const string OfacSdn = "ofac-sdn";

    const string Set2026 = "us_lists_2026-07";

    public static readonly IReadOnlyList<ShippedList> Default =
    [
        new(Csl, $"{Set2026}/bis_entity_list.json", new(2026, 7, 9), "BIS Entity List (15 CFR part 744, supp. no. 4)"),
        new(Csl, $"{Set2026}/bis_meu.json", new(2026, 7, 9), "BIS Military End-User List (15 CFR part 744, supp. no. 7)"),
        new(Csl, $"{Set2026}/bis_dpl.json", new(2026, 4, 14), "BIS Denied Persons List"),
        new(Csl, $"{Set2026}/state_nonproliferation.json", new(2025, 5, 1), "State Department nonproliferation sanctions (ISN)"),
        new(Csl, $"{Set2026}/state_debarred_statutory.json", new(2025, 8, 25), "DDTC statutorily debarred parties"),
        new(Csl, $"{Set2026}/state_debarred_admin.json", new(2023, 6, 1), "DDTC administratively debarred parties"),
        new(Csl, $"{Set2026}/ofac_nscmic.json", new(2026, 7, 9), "OFAC Non-SDN Chinese Military-Industrial Complex list"),
        new(Csl, "us_csl_2022-05/consolidated-uvl-ssi-fse-plc-cap-nsmbs.csv", new(2022, 5, 6),
            "CSL of 2022-05, only the lists the 2026 set lacks: UVL, SSI, FSE, PLC, CAPTA, NS-MBS"),
        new(OfacSdn, $"{Set2026}/ofac_sdn.json", new(2026, 7, 11), "OFAC SDN, names and aliases (no addresses)"),
    ];

    /// <summary>The whole CSL of 2022-05 (all 13 lists), kept for tests and as a fallback.</summary>
    public static readonly ShippedList Csl2022 = new(Csl, "us_csl_2022-05/consolidated.csv", new(2022, 5, 6), "Consolidated Screening List of 2022-05");

    /// <summary>The full path of a shipped snapshot under <paramref name="listsDirectory"/> (the <c>data/lists</c> folder).</summary>
    public static string PathOf(ShippedList list, string listsDirectory) =>
        Path.Combine([listsDirectory, .. list.RelativePath.Split('/')]);

    /// <summary>The shipped snapshot at <paramref name="path"/>, if it is one.</summary>
    public static ShippedList? At(string path, string listsDirectory)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        return Default.Append(Csl2022).FirstOrDefault(l =>
            string.Equals(Path.GetFullPath(PathOf(l, listsDirectory)), full, StringComparison.Ordinal));
    }
}
