using Clearance.Screening;

namespace Clearance.Cli;

/// <summary>The words the CLI's input files may use for a party's type: <c>screen</c>'s <c>type</c> column and
/// <c>match-pairs</c>' <c>schema</c> column (OpenSanctions schema names: Person, Company, LegalEntity, ...) read the
/// same words, case-insensitively; an empty cell is an unknown type.</summary>
static class PartyTypeNames
{
    static readonly Dictionary<string, PartyType> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        ["individual"] = PartyType.Individual,
        ["person"] = PartyType.Individual,
        ["entity"] = PartyType.Entity,
        ["company"] = PartyType.Entity,
        ["organization"] = PartyType.Entity,
        ["organisation"] = PartyType.Entity,
        ["legalentity"] = PartyType.Entity,
        ["vessel"] = PartyType.Vessel,
        ["aircraft"] = PartyType.Aircraft,
        ["airplane"] = PartyType.Aircraft,
    };

    /// <summary>The accepted words, for error messages.</summary>
    public static string Accepted { get; } = string.Join(", ", Types.Keys);

    public static bool TryParse(string text, out PartyType type)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            type = PartyType.Unknown;
            return true;
        }

        return Types.TryGetValue(trimmed, out type);
    }
}
