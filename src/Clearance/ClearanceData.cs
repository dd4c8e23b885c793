using Clearance.Catalog;
using Clearance.Orders;
using Clearance.Rules;

namespace Clearance;

/// <summary>The reference data shipped in <c>data/</c>, loaded once by one loader: the regulation (vintages and
/// classification thresholds, license rules), the country codes and the catalog.</summary>
public sealed class ClearanceData
{
    readonly IReadOnlyList<ItemSpec> _specs;
    readonly string _catalogPath;
    readonly CountryAliases _countryAliases;

    ClearanceData(
        IReadOnlyDictionary<string, string> ruleTexts, Regulation regulation, CountryCodes countries,
        IReadOnlyList<ItemSpec> specs, string catalogPath, CountryAliases countryAliases)
    {
        RuleTexts = ruleTexts;
        _countryAliases = countryAliases;
        Regulation = regulation;
        Countries = countries;
        _specs = specs;
        _catalogPath = catalogPath;
        var chips = new Dictionary<string, ItemSpec>(StringComparer.Ordinal);
        foreach (var spec in specs)
        {
            if (spec.ItemType == ItemType.Ic && !chips.TryAdd(spec.Name, spec))
            {
                throw new InvalidDataException($"{catalogPath}: chip '{spec.Name}' appears twice");
            }
        }

        var catalog = new Dictionary<string, ItemSpec>(StringComparer.Ordinal);
        foreach (var spec in specs)
        {
            var complete = spec.Contains is { } name
                ? ChipSpecFile.WithChip(spec, chips.GetValueOrDefault(name) ?? throw new InvalidDataException($"{catalogPath}: '{spec.Name}' contains unknown chip '{name}'"))
                : spec;
            if (!catalog.TryAdd(spec.Name, complete))
            {
                throw new InvalidDataException($"{catalogPath}: '{spec.Name}' appears twice");
            }
        }

        Chips = chips;
        Catalog = catalog;
    }

    /// <summary>The <c>data</c> folder next to the running binary.</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "data");

    /// <summary>The files of <c>data/rules</c> the regulation is read from.</summary>
    public static IReadOnlyList<string> RuleFiles { get; } = [.. Regulation.Files, "iso3166-1.json"];

    /// <summary>The texts of <see cref="RuleFiles"/> by file name, as loaded (a what-if applies a proposal to them).</summary>
    public IReadOnlyDictionary<string, string> RuleTexts { get; }

    /// <summary>The regulation: vintages, classification thresholds, country groups and license provisions, one dated model.</summary>
    public Regulation Regulation { get; }

    /// <summary>The ISO 3166-1 codes orders and parties are checked against.</summary>
    public CountryCodes Countries { get; }

    /// <summary>The catalog's chips (item_type ic) by name; boards and computers name them in <c>contains</c>.</summary>
    public IReadOnlyDictionary<string, ItemSpec> Chips { get; }

    /// <summary>Every catalog item by name, boards completed from the chips they contain.</summary>
    public IReadOnlyDictionary<string, ItemSpec> Catalog { get; }

    /// <summary>Where the data was loaded from and where the downloaded lists are.</summary>
    public ClearanceDataOptions Options { get; private set; } = ClearanceDataOptions.Default;

    /// <summary>Loads <c>rules/*.json</c>, <c>country-aliases.json</c> and <c>chips.csv</c> from the data folder of
    /// <paramref name="options"/>.</summary>
    /// <exception cref="InvalidDataException">A file is malformed; the message names the file, the JSON path and the problem.</exception>
    /// <exception cref="IOException">A file is missing or cannot be read; the message names it.</exception>
    public static ClearanceData Load(ClearanceDataOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var rules = Path.Combine(options.DataDirectory, "rules");
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in RuleFiles)
        {
            texts[file] = File.ReadAllText(Path.Combine(rules, file));
        }

        var catalogPath = Path.Combine(options.DataDirectory, "chips.csv");
        using var text = new StreamReader(catalogPath);
        var specs = ChipSpecFile.ReadAll(text, catalogPath);
        var data = Build(texts, rules, specs, catalogPath, ReadAliases(options));
        data.Options = options;
        return data;
    }

    /// <summary>Only the <see cref="Countries"/> of the data folder of <paramref name="options"/>
    /// (<c>rules/iso3166-1.json</c> and <c>country-aliases.json</c>, read and checked as <see cref="Load(ClearanceDataOptions)"/>
    /// reads them), for a command that needs nothing else of the data: reading restricted-party lists.</summary>
    /// <exception cref="InvalidDataException">A file is malformed; the message names the file, the JSON path and the problem.</exception>
    /// <exception cref="IOException">A file is missing or cannot be read; the message names it.</exception>
    public static CountryCodes LoadCountries(ClearanceDataOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var iso = Path.Combine(options.DataDirectory, CountryCodes.IsoFile);
        return ParseCountries(File.ReadAllText(iso), iso, ReadAliases(options));
    }

    /// <summary>Loads <c>rules/*.json</c> and <c>chips.csv</c> from a data folder (the lists where they are by default).</summary>
    /// <exception cref="InvalidDataException">A file is malformed; the message names the file, the JSON path and the problem.</exception>
    public static ClearanceData Load(string directory) => Load(ClearanceDataOptions.Default with { DataDirectory = directory });

    /// <summary>The same catalog under other rule texts (a proposal applied); <paramref name="source"/> prefixes every error.</summary>
    /// <exception cref="InvalidDataException">A rule text is malformed.</exception>
    public ClearanceData WithRules(IReadOnlyDictionary<string, string> ruleTexts, string source)
    {
        var data = Build(ruleTexts, source, _specs, _catalogPath, _countryAliases);
        data.Options = Options;
        return data;
    }

    /// <summary>The same rules over another catalog.</summary>
    /// <exception cref="InvalidDataException">The catalog is inconsistent.</exception>
    public ClearanceData WithCatalog(IReadOnlyList<ItemSpec> specs, string catalogPath) =>
        new(RuleTexts, Regulation, Countries, specs, catalogPath, _countryAliases) { Options = Options };

    static ClearanceData Build(IReadOnlyDictionary<string, string> texts, string source, IReadOnlyList<ItemSpec> specs, string catalogPath, CountryAliases countryAliases)
    {
        Regulation regulation;
        try
        {
            regulation = Regulation.Load(texts);
        }
        catch (Exception e) when (e is FormatException or InvalidDataException)
        {
            throw new InvalidDataException($"{source}/{e.Message}", e);
        }

        var iso = Path.GetFileName(CountryCodes.IsoFile);
        return new ClearanceData(texts, regulation, ParseCountries(texts[iso], $"{source}/{iso}", countryAliases), specs, catalogPath, countryAliases);
    }

    static CountryAliases ReadAliases(ClearanceDataOptions options)
    {
        var path = Path.Combine(options.DataDirectory, CountryCodes.AliasesFile);
        return new CountryAliases(path, File.ReadAllText(path));
    }

    // Each file named as it was read: the ISO codes with the rules, the list spellings from the data folder.
    static CountryCodes ParseCountries(string isoText, string isoPath, CountryAliases aliases) =>
        CountryCodes.Parse(isoText, aliases.Text, isoPath, aliases.Path);

    /// <summary>The text of <see cref="CountryCodes.AliasesFile"/> and where it was read.</summary>
    sealed record CountryAliases(string Path, string Text);
}
