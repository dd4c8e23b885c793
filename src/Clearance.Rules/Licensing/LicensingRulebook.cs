using System.Text.Json;
using System.Text.Json.Serialization;
using Clearance.Rules.Licensing.Data;

namespace Clearance.Rules.Licensing;

/// <summary>The dated license rules (data/rules/*.json) the license engine reads: country groups, requirements, letters, end uses, embargoes.</summary>
public sealed class LicensingRulebook
{
    static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowDuplicateProperties = false,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
    };

    LicensingRulebook(Rulebook rulebook, CountryGroupsData groups, LicensingData licensing, LettersData letters, EndUsesData endUses, EmbargoesData embargoes)
    {
        var policies = licensing.Headquarters.ReviewPolicies;
        if (policies.Count == 0)
        {
            throw new FormatException("licensing.json: $.headquarters.reviewPolicies: at least one dated version is required");
        }

        for (var i = 1; i < policies.Count; i++)
        {
            if (policies[i].From <= policies[i - 1].From)
            {
                throw new FormatException($"licensing.json: $.headquarters.reviewPolicies[{i}].from: {policies[i].From:yyyy-MM-dd} is not later than the version before it");
            }
        }

        Classification = rulebook;
        CountryGroups = new CountryGroups(groups);
        Licensing = licensing;
        Letters = letters.Letters;
        EndUses = endUses.EndUses;
        Embargoes = embargoes.Embargoes.ToDictionary(e => e.Country, StringComparer.Ordinal);
        CaseByCaseConditionCodes = licensing.ChinaCaseByCase.Conditions.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The codes of the findings that state a condition of the January 2026 case-by-case review (the
    /// certifications an exporter makes when applying for an item inside the box), as licensing.json lists them.</summary>
    public IReadOnlySet<string> CaseByCaseConditionCodes { get; }

    /// <summary>The vintages and classification thresholds: the one vintage list that <c>classify</c> and <c>evaluate</c> share.</summary>
    public Rulebook Classification { get; }

    /// <summary>Country-group membership by date.</summary>
    public CountryGroups CountryGroups { get; }

    internal LicensingData Licensing { get; }

    internal IReadOnlyList<LetterData> Letters { get; }

    internal IReadOnlyList<EndUseRuleData> EndUses { get; }

    internal Dictionary<string, EmbargoData> Embargoes { get; }

    /// <summary>The id of the vintage in force on a date (the same as <c>classify</c> reports), or <c>none</c> before the first.</summary>
    public string VintageOn(DateOnly date) => Classification.VintageOn(date)?.Id ?? Rulebook.NoVintage;

    /// <summary>Builds the rulebook from the vintages and the texts of the five data files; throws <see cref="FormatException"/> naming the file on bad data.</summary>
    public static LicensingRulebook FromJson(Rulebook rulebook, string countryGroups, string licensing, string letters, string endUses, string embargoes) =>
        new(
            rulebook,
            Parse<CountryGroupsData>(countryGroups, "country-groups.json"),
            Parse<LicensingData>(licensing, "licensing.json"),
            Parse<LettersData>(letters, "letters.json"),
            Parse<EndUsesData>(endUses, "end-uses.json"),
            Parse<EmbargoesData>(embargoes, "embargoes.json"));

    /// <summary>The data file names <see cref="FromJson"/> expects, in its parameter order.</summary>
    public static IReadOnlyList<string> FileNames { get; } =
        ["country-groups.json", "licensing.json", "letters.json", "end-uses.json", "embargoes.json"];

    static T Parse<T>(string json, string file)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, Options) ?? throw new FormatException($"{file}: empty document");
        }
        catch (JsonException e)
        {
            throw new FormatException($"{file}: {e.Message}", e);
        }
    }
}
