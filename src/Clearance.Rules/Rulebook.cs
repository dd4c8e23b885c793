using System.Text.Json;

namespace Clearance.Rules;

/// <summary>The regulation vintages and classification thresholds, loaded once and looked up by date.</summary>
public sealed class Rulebook
{
    static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        AllowDuplicateProperties = false,
    };

    readonly Vintage[] _vintages;
    readonly ClassificationRegime[] _regimes;

    Rulebook(Vintage[] vintages, ClassificationRegime[] regimes)
    {
        _vintages = vintages;
        _regimes = regimes;
    }

    /// <summary>The file of <c>data/rules</c> that lists the vintages.</summary>
    public const string VintagesFile = "vintages.json";

    /// <summary>The file of <c>data/rules</c> that holds the classification thresholds.</summary>
    public const string ClassificationFile = "classification.json";

    /// <summary>The vintage id reported for a date before the first vintage.</summary>
    public const string NoVintage = "none";

    /// <summary>The vintages, oldest first.</summary>
    public IReadOnlyList<Vintage> Vintages => _vintages;

    /// <summary>The classification regimes, oldest first.</summary>
    public IReadOnlyList<ClassificationRegime> Regimes => _regimes;

    /// <summary>Parses <c>vintages.json</c> and <c>classification.json</c> given as text.</summary>
    /// <exception cref="InvalidDataException">The documents are malformed or inconsistent.</exception>
    public static Rulebook Parse(string vintagesJson, string classificationJson)
    {
        ArgumentNullException.ThrowIfNull(vintagesJson);
        ArgumentNullException.ThrowIfNull(classificationJson);
        return Build(
            Deserialize<VintagesDocument>(vintagesJson, "vintages.json").Vintages,
            Deserialize<ClassificationDocument>(classificationJson, "classification.json").Regimes);
    }

    /// <summary>Parses <c>vintages.json</c> and <c>classification.json</c> read from the streams passed in (left open).</summary>
    /// <exception cref="InvalidDataException">The documents are malformed or inconsistent.</exception>
    public static Rulebook Parse(Stream vintagesJson, Stream classificationJson)
    {
        using var vintages = new StreamReader(vintagesJson, leaveOpen: true);
        using var classification = new StreamReader(classificationJson, leaveOpen: true);
        return Parse(vintages.ReadToEnd(), classification.ReadToEnd());
    }

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

    /// <summary>A copy with one regime replaced (same id), for what-if runs over edited thresholds.</summary>
    public Rulebook WithRegime(ClassificationRegime regime)
    {
        ArgumentNullException.ThrowIfNull(regime);
        var regimes = _regimes.Select(r => r.Id == regime.Id ? regime : r).ToArray();
        return Build(_vintages, regimes);
    }

    static T Deserialize<T>(string json, string what)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, JsonOptions)
                ?? throw new InvalidDataException($"{what}: the document is empty");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{what}: {e.Message}", e);
        }
    }

    static Rulebook Build(IReadOnlyList<Vintage> vintages, IReadOnlyList<ClassificationRegime> regimes)
    {
        if (vintages.Count == 0 || regimes.Count == 0)
        {
            throw new InvalidDataException("the rulebook needs at least one vintage and one classification regime");
        }

        for (var i = 1; i < vintages.Count; i++)
        {
            if (vintages[i].Effective <= vintages[i - 1].Effective)
            {
                throw new InvalidDataException(
                    $"vintages.json: vintage '{vintages[i].Id}' is not later than '{vintages[i - 1].Id}'");
            }
        }

        for (var i = 0; i < regimes.Count; i++)
        {
            var regime = regimes[i];
            if ((regime.Legacy is null) == (regime.Tiered is null))
            {
                throw new InvalidDataException(
                    $"classification.json: regime '{regime.Id}' must set exactly one of 'legacy' and 'tiered'");
            }

            if (i > 0 && regime.Effective <= regimes[i - 1].Effective)
            {
                throw new InvalidDataException(
                    $"classification.json: regime '{regime.Id}' is not later than '{regimes[i - 1].Id}'");
            }

            // One vintage list: a classification regime starts with a vintage, so classify and evaluate name the same one.
            if (!vintages.Any(v => v.Effective == regime.Effective))
            {
                throw new InvalidDataException(
                    $"classification.json: $.regimes[{i}].effective: {regime.Effective:yyyy-MM-dd} starts no vintage of vintages.json (regime '{regime.Id}'); add the vintage that brings it in");
            }
        }

        return new Rulebook([.. vintages], [.. regimes]);
    }
}
