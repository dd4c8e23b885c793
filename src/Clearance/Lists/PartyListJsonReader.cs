using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Clearance.Input;
using Clearance.Orders;
using Clearance.Screening;

namespace Clearance.Lists;

/// <summary>Reads one agency list published as a JSON object with <c>list_id</c> and <c>entities</c> (each with
/// <c>name</c>, <c>aliases</c>, <c>country</c>, <c>address</c>, <c>federal_register</c>, <c>notes</c>): the layout of
/// the 2026-07 component-list snapshots (data/PROVENANCE.md).</summary>
/// <remarks>
/// Entries carry the list name the Consolidated Screening List gives the same list, so rules that recognise a CSL list
/// recognise it here. The layout has no entry ids: an id is derived from the list, the name and the country (stable
/// across versions that only change an address). For the Entity List, <c>notes</c> is the License Requirement column;
/// the layout carries no License Review Policy column, so <see cref="ListEntry.LicensePolicy"/> stays empty.
/// </remarks>
public static partial class PartyListJsonReader
{
    /// <summary>The CSL name of each list this layout is known to carry.</summary>
    public static readonly IReadOnlyDictionary<string, string> Lists = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["bis-entity-list"] = "Entity List (EL) - Bureau of Industry and Security",
        ["bis-meu"] = "Military End User (MEU) List - Bureau of Industry and Security",
        ["bis-dpl"] = "Denied Persons List (DPL) - Bureau of Industry and Security",
        ["state-nonproliferation"] = "Nonproliferation Sanctions (ISN) - State Department",
        ["state-debarred-statutory"] = "ITAR Debarred (DTC) - State Department",
        ["state-debarred-admin"] = "ITAR Debarred (DTC) - State Department",
        ["ofac-nscmic"] = "Non-SDN Chinese Military-Industrial Complex Companies List (CMIC) - Treasury Department",
    };

    const string EntityListId = "bis-entity-list";

    public static List<ListEntry> Read(Stream stream, string file, string version, CountryCodes countries, List<InputProblem> problems)
    {
        using var document = ListJson.Parse(stream, file);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new ListFormatException($"{file}: $: expected an object with 'list_id' and 'entities'");
        }

        var listId = root.TryGetProperty("list_id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString()! : null;
        if (listId is null)
        {
            throw new ListFormatException($"{file}: $.list_id: expected the list's id as a string");
        }

        if (!Lists.TryGetValue(listId, out var list))
        {
            throw new ListFormatException($"{file}: $.list_id: unknown list '{listId}' (known: {string.Join(", ", Lists.Keys)})");
        }

        if (!root.TryGetProperty("entities", out var entities) || entities.ValueKind != JsonValueKind.Array)
        {
            throw new ListFormatException($"{file}: $.entities: expected an array of entries");
        }

        var entries = new List<ListEntry>();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var index = -1;
        foreach (var entity in entities.EnumerateArray())
        {
            index++;
            var at = $"$.entities[{index}]";
            var problem = ListJson.Problem(file, index, at);
            if (entity.ValueKind != JsonValueKind.Object)
            {
                problems.Add(problem("", "is not an object"));
                continue;
            }

            if (!ListJson.TryText(entity, "name", out var rawName) || !ListJson.TryText(entity, "country", out var country)
                || !ListJson.TryText(entity, "address", out var address) || !ListJson.TryText(entity, "federal_register", out var notice)
                || !ListJson.TryText(entity, "notes", out var notes))
            {
                problems.Add(problem(ListJson.FirstNonText(entity, "name", "country", "address", "federal_register", "notes"), "is not a string"));
                continue;
            }

            if (!ListJson.TryTexts(entity, "aliases", out var aliases))
            {
                problems.Add(problem(".aliases", "is not an array of strings"));
                continue;
            }

            var name = CslFields.CleanName(rawName);
            if (StrayAddressLine().IsMatch(name))
            {
                problems.Add(problem(".name", $"'{name}' is a stray address sub-line of a multi-address entry (a parse artefact of the source), not an entry"));
                continue;
            }

            if (name.Length == 0 || name.Length > NameNormalizer.MaxLength)
            {
                problems.Add(problem(".name", name.Length == 0 ? "is empty" : $"is longer than {NameNormalizer.MaxLength} characters"));
                continue;
            }

            var code = country.Length > 0 ? countries.ToCode(country) : "";
            var key = EntryId(listId, name, code);
            ids[key] = ids.GetValueOrDefault(key) + 1;
            entries.Add(new ListEntry
            {
                Id = ids[key] == 1 ? key : $"{key}-{ids[key]}",
                Name = name,
                Aliases = CslFields.Aliases(aliases),
                Addresses = address.Length > 0 || code.Length > 0 ? [new ListAddress(address, "", "", "", code)] : [],
                Countries = code.Length > 0 ? [code] : [],
                List = list,
                FederalRegisterNotice = string.Join("; ", notice.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)),
                LicenseRequirement = listId == EntityListId ? FootnoteMark().Replace(notes, ")") : "",
                ListVersion = version,
            });
        }

        return entries;
    }

    /// <summary>The list id and a hash of the upper-cased, space-collapsed name and the country: the same entry keeps its id in the next version.</summary>
    static string EntryId(string listId, string name, string country)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(FoldName(name) + "\n" + country));
        return $"{listId}:{Convert.ToHexStringLower(hash.AsSpan(0, 8))}";
    }

    /// <summary>A name upper-cased with its spaces collapsed: the same name whatever file layout carried it.</summary>
    internal static string FoldName(string name) =>
        string.Join(' ', name.ToUpperInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [GeneratedRegex(@"^Address \d+$", RegexOptions.CultureInvariant)]
    private static partial Regex StrayAddressLine();

    /// <summary>The eCFR text's footnote number after the License Requirement's closing parenthesis, e.g. "… of the EAR) 4".</summary>
    [GeneratedRegex(@"\)\s+\d{1,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex FootnoteMark();
}
