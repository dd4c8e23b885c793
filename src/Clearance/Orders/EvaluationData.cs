using Clearance.Catalog;
using Clearance.Rules;
using Clearance.Rules.Licensing;

namespace Clearance.Orders;

/// <summary>The shipped data an evaluation needs: classification rules, license rules, country codes and the whole
/// catalog (chips, and boards completed from the chips they contain).</summary>
public sealed class EvaluationData
{
    EvaluationData(Rulebook classification, LicensingRulebook licensing, CountryCodes countries, IReadOnlyDictionary<string, ItemSpec> catalog)
    {
        Classification = classification;
        Licensing = licensing;
        Countries = countries;
        Catalog = catalog;
    }

    public Rulebook Classification { get; }

    public LicensingRulebook Licensing { get; }

    public CountryCodes Countries { get; }

    /// <summary>Every catalog item by name.</summary>
    public IReadOnlyDictionary<string, ItemSpec> Catalog { get; }

    /// <summary>Loads <c>rules/*.json</c> and <c>chips.csv</c> from a data folder.</summary>
    /// <exception cref="InvalidDataException">A file is malformed.</exception>
    public static EvaluationData Load(string directory)
    {
        var rules = Path.Combine(directory, "rules");
        var classification = Rulebook.Parse(
            File.ReadAllText(Path.Combine(rules, "vintages.json")),
            File.ReadAllText(Path.Combine(rules, "classification.json")));
        var texts = LicensingRulebook.FileNames.Select(f => File.ReadAllText(Path.Combine(rules, f))).ToArray();
        LicensingRulebook licensing;
        try
        {
            licensing = LicensingRulebook.FromJson(classification, texts[0], texts[1], texts[2], texts[3], texts[4]);
        }
        catch (FormatException e)
        {
            throw new InvalidDataException($"{rules}/{e.Message}", e);
        }

        var countries = CountryCodes.Parse(File.ReadAllText(Path.Combine(rules, "iso3166-1.json")));
        var catalogPath = Path.Combine(directory, "chips.csv");
        using var text = new StreamReader(catalogPath);
        var specs = ChipSpecFile.ReadAll(text, catalogPath);
        var chips = specs.Where(s => s.ItemType == ItemType.Ic).ToDictionary(s => s.Name, StringComparer.Ordinal);
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

        return new EvaluationData(classification, licensing, countries, catalog);
    }
}
