using System.Text.Json;
using System.Text.Json.Serialization;
using Clearance.Rules.Licensing;
using Clearance.Rules.Licensing.Data;

namespace Clearance.Rules;

/// <summary>The regulation as one dated model, loaded once from <c>data/rules/</c>: the vintages (the one list that
/// <c>classify</c> and <c>evaluate</c> both report), the classification thresholds, the country groups and the license
/// provisions (requirements, review policies, exceptions, letters, end uses, embargoes), each provision a list of dated
/// versions with its citation and confidence. A date (<c>asOf</c>) selects the versions in force.</summary>
public sealed class Regulation
{
    /// <summary>The file of <c>data/rules</c> that lists the vintages.</summary>
    public const string VintagesFile = "vintages.json";

    /// <summary>The file of <c>data/rules</c> that holds the classification thresholds.</summary>
    public const string ClassificationFile = "classification.json";

    /// <summary>The vintage id reported for a date before the first vintage.</summary>
    public const string NoVintage = "none";

    // vintages.json and classification.json: records with constructor parameters (web defaults).
    static readonly JsonSerializerOptions ClassificationOptions = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        AllowDuplicateProperties = false,
    };

    // The license provisions: every member known, enums in kebab case.
    static readonly JsonSerializerOptions ProvisionOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowDuplicateProperties = false,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
    };

    readonly Vintage[] _vintages;
    readonly ClassificationRegime[] _regimes;

    Regulation(
        Vintage[] vintages, ClassificationRegime[] regimes, CountryGroupsData groups, LicensingData licensing, LettersData letters,
        EndUsesData endUses, EmbargoesData embargoes)
    {
        CheckVersions(licensing);
        CheckLetters(letters);
        CheckEndUses(endUses);

        _vintages = vintages;
        _regimes = regimes;
        CountryGroups = new CountryGroups(groups);
        Licensing = licensing;
        Letters = letters.Letters;
        EndUses = endUses.EndUses;
        Embargoes = embargoes.Embargoes.ToDictionary(e => e.Country, StringComparer.Ordinal);
        CaseByCaseConditionCodes = licensing.ChinaCaseByCase.SelectMany(v => v.Conditions).Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The files of <c>data/rules</c> the regulation is read from, in load order.</summary>
    public static IReadOnlyList<string> Files { get; } =
        [VintagesFile, ClassificationFile, "country-groups.json", "licensing.json", "letters.json", "end-uses.json", "embargoes.json"];

    /// <summary>The vintages, oldest first: the one list <c>classify</c> and <c>evaluate</c> report from.</summary>
    public IReadOnlyList<Vintage> Vintages => _vintages;

    /// <summary>The classification regimes, oldest first; each starts with a vintage.</summary>
    public IReadOnlyList<ClassificationRegime> Regimes => _regimes;

    /// <summary>Country-group membership by date.</summary>
    public CountryGroups CountryGroups { get; }

    /// <summary>The codes of the findings that state a condition of the January 2026 case-by-case review (the
    /// certifications an exporter makes when applying for an item inside the box), as licensing.json lists them in any version.</summary>
    public IReadOnlySet<string> CaseByCaseConditionCodes { get; }

    /// <summary>Where a NAC notification's confirmation number is required (licensing.json <c>$.nacAca.confirmationCitation</c>).</summary>
    public string NacConfirmationCitation => Licensing.NacAca.ConfirmationCitation;

    internal LicensingData Licensing { get; }

    internal IReadOnlyList<LetterData> Letters { get; }

    internal IReadOnlyList<EndUseRuleData> EndUses { get; }

    internal Dictionary<string, EmbargoData> Embargoes { get; }

    /// <summary>The vintage in force on a date, or null before the first one.</summary>
    public Vintage? VintageOn(DateOnly date)
    {
        for (var i = _vintages.Length - 1; i >= 0; i--)
        {
            if (_vintages[i].Effective <= date)
            {
                return _vintages[i];
            }
        }

        return null;
    }

    /// <summary>The id of the vintage in force on a date, or <see cref="NoVintage"/> before the first: what both
    /// <c>classify</c> and <c>evaluate</c> report.</summary>
    public string VintageIdOn(DateOnly date) => VintageOn(date)?.Id ?? NoVintage;

    /// <summary>The classification thresholds in force on a date, or null before the first regime.</summary>
    public ClassificationRegime? RegimeOn(DateOnly date)
    {
        for (var i = _regimes.Length - 1; i >= 0; i--)
        {
            if (_regimes[i].Effective <= date)
            {
                return _regimes[i];
            }
        }

        return null;
    }

    /// <summary>The scope of the January-2026 case-by-case policy (licensing.json <c>$.chinaCaseByCase[]</c>) that a
    /// license's China:U.S. volume cap refers to on a date: the version in force, or before the first version the first
    /// (the condition names the rule that introduced it). Its destinations are what counts as China for the cap; its
    /// origin is the country whose shipments the cap compares against.</summary>
    /// <remarks>Before the first version, the version <c>$.volumeCap.scopeBeforeFirstVersion</c> names.</remarks>
    public CaseByCaseScope VolumeCapScope(DateOnly date, DiffusionReading reading)
    {
        var version = Versions.InForce(Licensing.ChinaCaseByCase, date, reading)
            ?? Licensing.ChinaCaseByCase.First(v => v.From == Licensing.VolumeCap.ScopeBeforeFirstVersion);
        return new CaseByCaseScope(version.From, version.Destinations, version.Origin, version.Citation);
    }

    /// <summary>License Exception NAC: the calendar days between registering a notification on <paramref name="notifiedOn"/>
    /// and the first day the exception may be used, with its citation: the NAC text in force on that day
    /// (licensing.json <c>$.nac2023.noticeDays</c> through <c>$.nac2023.until</c>, then <c>$.nacAca.noticeDays</c>).</summary>
    public NacNoticePeriod NacNotice(DateOnly notifiedOn)
    {
        var (nac2023, nacAca) = (Licensing.Nac2023, Licensing.NacAca);
        return notifiedOn <= nac2023.Until
            ? new NacNoticePeriod(nac2023.NoticeDays, nac2023.Citation)
            : new NacNoticePeriod(nacAca.NoticeDays, nacAca.NoticeCitation);
    }

    /// <summary>Loads the whole regulation from the texts of <see cref="Files"/> by file name: the one loader of <c>data/rules</c>.</summary>
    /// <exception cref="FormatException">A file is missing or malformed; the message names the file, the JSON path and the problem.</exception>
    public static Regulation Load(IReadOnlyDictionary<string, string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        string Text(string file) => texts.TryGetValue(file, out var text) ? text : throw new FormatException($"{file}: the file is missing");
        var vintages = Parse<VintagesDocument>(Text(VintagesFile), VintagesFile, ClassificationOptions).Vintages;
        var regimes = Parse<ClassificationDocument>(Text(ClassificationFile), ClassificationFile, ClassificationOptions).Regimes;
        CheckClassification(vintages, regimes);
        return new Regulation(
            [.. vintages],
            [.. regimes],
            Parse<CountryGroupsData>(Text(Files[2]), Files[2], ProvisionOptions),
            Parse<LicensingData>(Text(Files[3]), Files[3], ProvisionOptions),
            Parse<LettersData>(Text(Files[4]), Files[4], ProvisionOptions),
            Parse<EndUsesData>(Text(Files[5]), Files[5], ProvisionOptions),
            Parse<EmbargoesData>(Text(Files[6]), Files[6], ProvisionOptions));
    }

    /// <summary>Loads the regulation from a <c>data/rules</c> folder.</summary>
    /// <exception cref="FormatException">A file is malformed; the message names the file, the JSON path and the problem.</exception>
    public static Regulation Load(string rulesDirectory) =>
        Load(Files.ToDictionary(f => f, f => File.ReadAllText(Path.Combine(rulesDirectory, f)), StringComparer.Ordinal));

    static void CheckClassification(IReadOnlyList<Vintage> vintages, IReadOnlyList<ClassificationRegime> regimes)
    {
        if (vintages.Count == 0 || regimes.Count == 0)
        {
            throw new FormatException("the rulebook needs at least one vintage and one classification regime");
        }

        for (var i = 1; i < vintages.Count; i++)
        {
            if (vintages[i].Effective <= vintages[i - 1].Effective)
            {
                throw new FormatException(
                    $"vintages.json: vintage '{vintages[i].Id}' is not later than '{vintages[i - 1].Id}'");
            }
        }

        for (var i = 0; i < regimes.Count; i++)
        {
            var regime = regimes[i];
            if ((regime.Legacy is null) == (regime.Tiered is null))
            {
                throw new FormatException(
                    $"classification.json: regime '{regime.Id}' must set exactly one of 'legacy' and 'tiered'");
            }

            if (i > 0 && regime.Effective <= regimes[i - 1].Effective)
            {
                throw new FormatException(
                    $"classification.json: regime '{regime.Id}' is not later than '{regimes[i - 1].Id}'");
            }

            // One vintage list: a classification regime starts with a vintage, so classify and evaluate name the same one.
            if (!vintages.Any(v => v.Effective == regime.Effective))
            {
                throw new FormatException(
                    $"classification.json: $.regimes[{i}].effective: {regime.Effective:yyyy-MM-dd} starts no vintage of vintages.json (regime '{regime.Id}'); add the vintage that brings it in");
            }
        }
    }

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
        if (!licensing.ChinaCaseByCase.Any(v => v.From == licensing.VolumeCap.ScopeBeforeFirstVersion))
        {
            throw new FormatException(
                $"{File}: $.volumeCap.scopeBeforeFirstVersion: {licensing.VolumeCap.ScopeBeforeFirstVersion:yyyy-MM-dd} starts no version of $.chinaCaseByCase");
        }

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

    static T Parse<T>(string json, string file, JsonSerializerOptions options)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, options) ?? throw new FormatException($"{file}: empty document");
        }
        catch (JsonException e)
        {
            throw new FormatException($"{file}: {e.Message}", e);
        }
    }
}
