using System.Globalization;

namespace Clearance.Rules;

/// <summary>The design envelope of a part with a given die area: how much TPP it can have and stay outside 3A090, and
/// outside 3A090.a, on a date.</summary>
/// <param name="DieAreaMm2">The applicable die area.</param>
/// <param name="Datacenter">Whether the part is designed or marketed for datacenters.</param>
/// <param name="AsOf">The date the rules were taken from.</param>
/// <param name="Vintage">The vintage in force on <paramref name="AsOf"/>.</param>
/// <param name="Outside3A090">The bound for staying outside every paragraph of 3A090.</param>
/// <param name="OutsideA">The bound for staying outside 3A090.a.</param>
/// <param name="Assumption">An assumption the bounds rest on, if any.</param>
public sealed record DesignEnvelope(
    double DieAreaMm2,
    bool Datacenter,
    DateOnly AsOf,
    string Vintage,
    EnvelopeBound Outside3A090,
    EnvelopeBound OutsideA,
    string? Assumption)
{
    const double Step = 0.01;

    /// <summary>Computes the envelope by classifying probe parts with the same engine <see cref="Classifier"/> uses,
    /// so the bounds agree with classification exactly, including at the "or more" / "less than" edges.</summary>
    public static DesignEnvelope Compute(double dieAreaMm2, bool datacenter, DateOnly asOf, Regulation regulation)
    {
        ArgumentNullException.ThrowIfNull(regulation);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dieAreaMm2);

        var vintage = regulation.VintageIdOn(asOf);
        var regime = regulation.RegimeOn(asOf);
        string? assumption = regime?.Legacy is { } legacy
            ? string.Create(CultureInfo.InvariantCulture, $"assumes I/O of {legacy.InputOutput.Value} GB/s or more; with less I/O the 2022 3A090 does not apply at any TPP ({legacy.InputOutput.Paragraph})")
            : null;

        var breakpoints = Breakpoints(regime, dieAreaMm2);
        return new DesignEnvelope(
            dieAreaMm2,
            datacenter,
            asOf,
            vintage,
            Bound("3A090", breakpoints, dieAreaMm2, datacenter, asOf, regulation, regime),
            Bound("3A090.a", breakpoints, dieAreaMm2, datacenter, asOf, regulation, regime),
            assumption);
    }

    static double[] Breakpoints(ClassificationRegime? regime, double area)
    {
        var points = new List<double>();
        if (regime?.Legacy is { } l)
        {
            points.Add(l.Tpp.Value);
        }

        if (regime?.Tiered is { } t)
        {
            points.AddRange([t.A1Tpp.Value, t.A2Tpp.Value, t.B1TppMin.Value, t.B1TppBelow.Value, t.B2Tpp.Value, t.DatacenterNoteTpp.Value]);

            // A density threshold d is the TPP threshold d × area for a part of this area.
            points.AddRange([t.A2Pd.Value * area, t.B1PdMin.Value * area, t.B1PdBelow.Value * area, t.B2PdMin.Value * area, t.B2PdBelow.Value * area]);
        }

        return [.. points.Where(p => p > 0).Distinct().Order()];
    }

    static EnvelopeBound Bound(string scope, double[] breakpoints, double area, bool datacenter, DateOnly asOf, Regulation regulation, ClassificationRegime? regime)
    {
        // Every condition is "TPP (or TPP / area) >= c" or "< c", so the classification is constant on each interval
        // [b_i, b_i+1) between breakpoints; probing the middle of each interval avoids rounding at its ends.
        var last = breakpoints.Length;
        if (Outside(scope, Probe(Middle(breakpoints, last), area, datacenter, regime), asOf, regulation))
        {
            var why = regime is null
                ? "no advanced-computing control is in force on this date"
                : "no TPP is too high under these assumptions";
            return new EnvelopeBound(scope, null, null, null, "", why);
        }

        var highestOutside = -1;
        for (var i = last - 1; i >= 0; i--)
        {
            if (Outside(scope, Probe(Middle(breakpoints, i), area, datacenter, regime), asOf, regulation))
            {
                highestOutside = i;
                break;
            }
        }

        var above = Classifier.Classify(Probe(Middle(breakpoints, highestOutside + 1), area, datacenter, regime), asOf, regulation);
        if (highestOutside < 0)
        {
            return new EnvelopeBound(scope, 0, null, null, above.Rule, string.Create(CultureInfo.InvariantCulture, $"every TPP is inside {scope}: {above.Reason}"));
        }

        // Interval i is [b_i-1, b_i): its upper end is the supremum of the TPPs that stay outside.
        var supremum = breakpoints[highestOutside];

        // A density breakpoint d × area is rounded to a double; make sure the reported bound is the first value the
        // classifier itself puts inside, so that "excluded" holds exactly in the engine's arithmetic.
        for (var guard = 0; guard < 8 && Outside(scope, Probe(supremum, area, datacenter, regime), asOf, regulation); guard++)
        {
            supremum = Math.BitIncrement(supremum);
        }

        above = Classifier.Classify(Probe(supremum, area, datacenter, regime), asOf, regulation);

        var largest = Math.Floor((supremum - 1e-9) / Step) * Step;
        largest = Math.Round(largest, 2);
        while (largest > 0 && !Outside(scope, Probe(largest, area, datacenter, regime), asOf, regulation))
        {
            largest = Math.Round(largest - Step, 2);
        }

        var density = largest / area;
        var explanation = string.Create(CultureInfo.InvariantCulture,
            $"TPP must stay below {supremum:0.####} (PD {supremum / area:0.####}); that value itself is excluded because {above.Rule} applies from it on (\"or more\"): {above.Reason}. The largest TPP at two-decimal precision that stays outside {scope} is {largest:0.00} (PD {density:0.####}).");
        return new EnvelopeBound(scope, supremum, largest, density, above.Rule, explanation);
    }

    static double Middle(double[] breakpoints, int interval)
    {
        if (interval == 0)
        {
            return breakpoints.Length == 0 ? 1 : breakpoints[0] / 2;
        }

        return interval >= breakpoints.Length
            ? breakpoints[^1] * 2
            : (breakpoints[interval - 1] + breakpoints[interval]) / 2;
    }

    static ItemSpec Probe(double tpp, double area, bool datacenter, ClassificationRegime? regime) => new()
    {
        Name = "envelope probe",
        Datacenter = datacenter,
        DieAreaMm2 = area,
        PublishedTpp = tpp,

        // The 2022 rule needs I/O too: assume the part reaches it. Later rules: I/O only decides 3A991.p, which is
        // outside 3A090 either way.
        InterconnectGbs = regime?.Legacy?.InputOutput.Value ?? 0,
    };

    static bool Outside(string scope, ItemSpec probe, DateOnly asOf, Regulation regulation)
    {
        var level = Classifier.Classify(probe, asOf, regulation).Level;
        var inScope = level switch
        {
            ControlLevel.NotControlled => false,
            ControlLevel.Indeterminate => true,
            ControlLevel.AdvancedComputing2022 => true,
            ControlLevel.AdvancedComputingA => true,
            ControlLevel.AdvancedComputingB => scope == "3A090",
            ControlLevel.HighBandwidthMemory => false,
            ControlLevel.AntiTerrorismOnly => false,
        };
        return !inScope;
    }
}
