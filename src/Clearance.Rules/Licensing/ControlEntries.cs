namespace Clearance.Rules.Licensing;

/// <summary>Maps the ECCN strings of the classification contract to <see cref="ControlEntry"/>.</summary>
public static class ControlEntries
{
    /// <summary>Parses an ECCN as the classify contract writes it (<c>3A090.a</c>, <c>none</c> …); null when unknown.</summary>
    public static ControlEntry? Parse(string eccn) => eccn switch
    {
        "none" => ControlEntry.None,
        "indeterminate" => ControlEntry.Indeterminate,
        "3A090" => ControlEntry.Eccn3A090Of2022,
        "4A090" => ControlEntry.Eccn4A090Of2022,
        "3A090.a" => ControlEntry.Eccn3A090A,
        "3A090.b" => ControlEntry.Eccn3A090B,
        "3A090.c" => ControlEntry.Eccn3A090C,
        "4A090.a" => ControlEntry.Eccn4A090A,
        "4A090.b" => ControlEntry.Eccn4A090B,
        "3A991.p" => ControlEntry.Eccn3A991P,
        "4A994.l" => ControlEntry.Eccn4A994L,
        _ => null,
    };

    /// <summary>The ECCN family (e.g. <c>3A991</c>) an entry belongs to, for end-use item scopes; null for none/indeterminate.</summary>
    public static string? Family(ControlEntry entry) => entry switch
    {
        ControlEntry.None or ControlEntry.Indeterminate => null,
        ControlEntry.Eccn3A090Of2022 or ControlEntry.Eccn3A090A or ControlEntry.Eccn3A090B or ControlEntry.Eccn3A090C => "3A090",
        ControlEntry.Eccn4A090Of2022 or ControlEntry.Eccn4A090A or ControlEntry.Eccn4A090B => "4A090",
        ControlEntry.Eccn3A991P => "3A991",
        ControlEntry.Eccn4A994L => "4A994",
    };
}
