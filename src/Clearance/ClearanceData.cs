using Clearance.Catalog;
using Clearance.Rules;

namespace Clearance;

/// <summary>The reference data shipped in <c>data/</c>: the rulebook and the chip catalog.</summary>
public sealed class ClearanceData
{
    ClearanceData(Rulebook rulebook, IReadOnlyDictionary<string, ItemSpec> chips)
    {
        Rulebook = rulebook;
        Chips = chips;
    }

    /// <summary>The <c>data</c> folder next to the running binary.</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "data");

    /// <summary>The regulation vintages and classification thresholds.</summary>
    public Rulebook Rulebook { get; }

    /// <summary>The catalog's chips (item_type ic) by name; boards and computers name them in <c>contains</c>.</summary>
    public IReadOnlyDictionary<string, ItemSpec> Chips { get; }

    /// <summary>Loads <c>rules/vintages.json</c>, <c>rules/classification.json</c> and <c>chips.csv</c>.</summary>
    public static ClearanceData Load(string directory)
    {
        var rulebook = Rulebook.Parse(
            File.ReadAllText(Path.Combine(directory, "rules", "vintages.json")),
            File.ReadAllText(Path.Combine(directory, "rules", "classification.json")));

        var catalogPath = Path.Combine(directory, "chips.csv");
        using var text = new StreamReader(catalogPath);
        var chips = new Dictionary<string, ItemSpec>(StringComparer.Ordinal);
        foreach (var spec in ChipSpecFile.ReadAll(text, catalogPath))
        {
            if (spec.ItemType == ItemType.Ic && !chips.TryAdd(spec.Name, spec))
            {
                throw new InvalidDataException($"{catalogPath}: chip '{spec.Name}' appears twice");
            }
        }

        return new ClearanceData(rulebook, chips);
    }
}
