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
        CheckVersions(licensing);
        CheckLetters(letters);
        CheckEndUses(endUses);

        Classification = rulebook;
        CountryGroups = new CountryGroups(groups);
        Licensing = licensing;
        Letters = letters.Letters;
        EndUses = endUses.EndUses;
        Embargoes = embargoes.Embargoes.ToDictionary(e => e.Country, StringComparer.Ordinal);
        CaseByCaseConditionCodes = licensing.ChinaCaseByCase.SelectMany(v => v.Conditions).Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The codes of the findings that state a condition of the January 2026 case-by-case review (the
    /// certifications an exporter makes when applying for an item inside the box), as licensing.json lists them in any version.</summary>
    public IReadOnlySet<string> CaseByCaseConditionCodes { get; }

    /// <summary>License Exception NAC: the calendar days between registering the notification and the first day the
    /// exception may be used (licensing.json <c>$.nacAca.noticeDays</c>), with its citation.</summary>
    public int NacNoticeDays => Licensing.NacAca.NoticeDays;

    /// <inheritdoc cref="NacNoticeDays"/>
    public string NacNoticeCitation => Licensing.NacAca.NoticeCitation;

    /// <summary>The scope of the January-2026 case-by-case policy (licensing.json <c>$.chinaCaseByCase[]</c>) that a
    /// license's China:U.S. volume cap refers to on a date: the version in force, or before the first version the first
    /// (the condition names the rule that introduced it). Its destinations are what counts as China for the cap; its
    /// origin is the country whose shipments the cap compares against.</summary>
    public CaseByCaseScope VolumeCapScope(DateOnly date, DiffusionReading reading)
    {
        var version = Versions.InForce(Licensing.ChinaCaseByCase, date, reading) ?? Licensing.ChinaCaseByCase[0];
        return new CaseByCaseScope(version.From, version.Destinations, version.Origin, version.Citation);
    }

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

    /// <summary>Loads the whole regulation from the texts of <see cref="Files"/> by file name: the one loader of <c>data/rules</c>.</summary>
    /// <exception cref="FormatException">A file is missing or malformed; the message names the file, the JSON path and the problem.</exception>
    public static LicensingRulebook Load(IReadOnlyDictionary<string, string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        string Text(string file) => texts.TryGetValue(file, out var text) ? text : throw new FormatException($"{file}: the file is missing");
        Rulebook classification;
        try
        {
            classification = Rulebook.Parse(Text(Rulebook.VintagesFile), Text(Rulebook.ClassificationFile));
        }
        catch (InvalidDataException e)
        {
            throw new FormatException(e.Message, e);
        }

        return FromJson(classification, Text(FileNames[0]), Text(FileNames[1]), Text(FileNames[2]), Text(FileNames[3]), Text(FileNames[4]));
    }

    /// <summary>The data file names <see cref="FromJson"/> expects, in its parameter order.</summary>
    public static IReadOnlyList<string> FileNames { get; } =
        ["country-groups.json", "licensing.json", "letters.json", "end-uses.json", "embargoes.json"];

    /// <summary>Every file of <c>data/rules</c> the regulation is read from, in load order (declared after
    /// <see cref="FileNames"/>, which it includes: static properties initialise in declaration order).</summary>
    public static IReadOnlyList<string> Files { get; } = [Rulebook.VintagesFile, Rulebook.ClassificationFile, .. FileNames];

    /// <summary>Every provision written as dated versions has at least one, in date order; the provisions that must be in
    /// force whenever their requirement is start no later than it.</summary>
    static void CheckVersions(LicensingData licensing)
    {
        const string File = "licensing.json";
        var scope = licensing.AdvancedComputing;
        CheckGroups(licensing.MacauOrD5.Groups, File, "$.macauOrD5.groups");
        CheckGroups(scope.Groups, File, "$.advancedComputing.groups");
        CheckGroups(scope.ExcludingGroups, File, "$.advancedComputing.excludingGroups");
        CheckGroups(licensing.Hbm.DestinationGroups, File, "$.hbm.destinationGroups");
        CheckGroups(licensing.NacAca.AcaGroups, File, "$.nacAca.acaGroups");
        CheckEccns(licensing.NacAca.Eccns, "$.nacAca.eccns");
        CheckEccns(licensing.NacAca.NotForDatacenterEccns, "$.nacAca.notForDatacenterEccns");
        CheckEccns(licensing.AiDiffusion.WorldwideEccns, "$.aiDiffusion.worldwideEccns");
        Versions.Check(licensing.China2022, File, "$.china2022");
        Versions.Check(scope.ReviewPolicies, File, "$.advancedComputing.reviewPolicies");
        Versions.Check(licensing.Headquarters.Requirement, File, "$.headquarters.requirement");
        Versions.Check(licensing.Headquarters.ReviewPolicies, File, "$.headquarters.reviewPolicies");
        Versions.Check(licensing.Headquarters.Notices, File, "$.headquarters.notices");
        Versions.Check(licensing.UaeCharts, File, "$.uaeCharts");
        Versions.Check(licensing.ChinaCaseByCase, File, "$.chinaCaseByCase");
        Versions.Check(licensing.Affiliates, File, "$.affiliates");
        Versions.Check(licensing.Supplement8, File, "$.supplement8");
        RequireFrom(scope.ReviewPolicies, scope.From, "$.advancedComputing.reviewPolicies", "$.advancedComputing.from");
        RequireFrom(licensing.Headquarters.Requirement, scope.From, "$.headquarters.requirement", "$.advancedComputing.from");
        RequireFrom(licensing.Headquarters.ReviewPolicies, scope.From, "$.headquarters.reviewPolicies", "$.advancedComputing.from");
    }

    /// <summary>Each letter's destination groups are known labels, and its criterion names each figure once, with how
    /// the figures combine when there are any (and not when there are none).</summary>
    static void CheckLetters(LettersData letters)
    {
        const string File = "letters.json";
        for (var i = 0; i < letters.Letters.Count; i++)
        {
            var letter = letters.Letters[i];
            var path = $"$.letters[{i}]";
            CheckGroups(letter.DestinationGroups, File, path + ".destinationGroups");
            var seen = new HashSet<LetterFigure>();
            for (var j = 0; j < letter.CriterionFigures.Count; j++)
            {
                if (!seen.Add(letter.CriterionFigures[j].Figure))
                {
                    throw new FormatException($"{File}: {path}.criterionFigures[{j}].figure: the figure is named twice");
                }
            }

            if (letter.CriterionFigures.Count > 0 && letter.CriterionCombine is null)
            {
                throw new FormatException($"{File}: {path}.criterionCombine: required when criterionFigures is given (any or all)");
            }

            if (letter.CriterionFigures.Count == 0 && letter.CriterionCombine is not null)
            {
                throw new FormatException($"{File}: {path}.criterionCombine: given without criterionFigures to combine");
            }
        }
    }

    static void CheckEndUses(EndUsesData endUses)
    {
        for (var i = 0; i < endUses.EndUses.Count; i++)
        {
            var periods = endUses.EndUses[i].Periods;
            for (var j = 0; j < periods.Count; j++)
            {
                CheckGroups(periods[j].DestinationGroups, "end-uses.json", $"$.endUses[{i}].periods[{j}].destinationGroups");
            }
        }
    }

    /// <summary>A country-group label the engine would otherwise skip silently is refused, naming its file and JSON path.</summary>
    static void CheckGroups(IReadOnlyList<string> labels, string file, string path)
    {
        for (var i = 0; i < labels.Count; i++)
        {
            if (CountryGroupIds.Parse(labels[i]) is null)
            {
                throw new FormatException($"{file}: {path}[{i}]: unknown country group '{labels[i]}'");
            }
        }
    }

    /// <summary>An ECCN the engine would never match is refused, naming its JSON path.</summary>
    static void CheckEccns(IReadOnlyList<string> eccns, string path)
    {
        for (var i = 0; i < eccns.Count; i++)
        {
            if (ControlEntries.Parse(eccns[i]) is null)
            {
                throw new FormatException($"licensing.json: {path}[{i}]: unknown ECCN '{eccns[i]}'");
            }
        }
    }

    static void RequireFrom<T>(IReadOnlyList<T> versions, DateOnly from, string path, string fromPath)
        where T : VersionData
    {
        if (versions[0].From > from || versions[0].Reading is not null)
        {
            throw new FormatException(
                $"licensing.json: {path}[0]: the first version must apply to both readings from {from:yyyy-MM-dd} ({fromPath}) on, when the requirement starts; it starts {versions[0].From:yyyy-MM-dd}");
        }
    }

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

/// <summary>Where a version of the January-2026 case-by-case policy applies: exports from <paramref name="Origin"/> to
/// <paramref name="Destinations"/>, in force from <paramref name="From"/>.</summary>
public sealed record CaseByCaseScope(DateOnly From, IReadOnlyList<string> Destinations, string Origin, string Citation);
