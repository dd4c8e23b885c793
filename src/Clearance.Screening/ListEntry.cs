namespace Clearance.Screening;

/// <summary>One party on a restricted-party list, with every name it is listed under.</summary>
public sealed record ListEntry
{
    /// <summary>The list's identifier of the entry (CSL <c>_id</c>, OFAC ent_num, or a custom id).</summary>
    public required string Id { get; init; }

    /// <summary>The primary name.</summary>
    public required string Name { get; init; }

    /// <summary>Aliases (a.k.a., f.k.a., translations); each is screened as a name of its own.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>Individual, entity, vessel or aircraft, when the list says.</summary>
    public PartyType Type { get; init; }

    /// <summary>ISO-2 countries from addresses, nationalities and citizenships.</summary>
    public IReadOnlyList<string> Countries { get; init; } = [];

    /// <summary>Listed addresses.</summary>
    public IReadOnlyList<ListAddress> Addresses { get; init; } = [];

    /// <summary>Sanctions programmes or list-specific designations (e.g. SDGT, IRAN, EAR 744.11).</summary>
    public IReadOnlyList<string> Programs { get; init; } = [];

    /// <summary>The list, as the CSL names its source (e.g. "Entity List (EL) - Bureau of Industry and Security").</summary>
    public required string List { get; init; }

    /// <summary>The Federal Register notice that listed or last changed the entry (e.g. "87 FR 20299").</summary>
    public string FederalRegisterNotice { get; init; } = "";

    /// <summary>Entity List license requirement (e.g. "For all items subject to the EAR.").</summary>
    public string LicenseRequirement { get; init; } = "";

    /// <summary>Entity List license review policy (e.g. "Policy of denial.").</summary>
    public string LicensePolicy { get; init; } = "";

    /// <summary>The list file this entry came from, with its date and content hash.</summary>
    public required string ListVersion { get; init; }
}
