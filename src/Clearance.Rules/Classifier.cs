using System.Globalization;

namespace Clearance.Rules;

/// <summary>Classifies an item under the advanced-computing controls in force on a date.</summary>
public static class Classifier
{
    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    static readonly IReadOnlyList<string> NoneMissing = Array.AsReadOnly<string>([]);
    static readonly IReadOnlyList<string> MissingTpp = Array.AsReadOnly<string>(["tpp"]);
    static readonly IReadOnlyList<string> MissingTppAndIo = Array.AsReadOnly<string>(["tpp", "interconnect_gbs"]);
    static readonly IReadOnlyList<string> MissingIo = Array.AsReadOnly<string>(["interconnect_gbs"]);
    static readonly IReadOnlyList<string> MissingDieArea = Array.AsReadOnly<string>(["die_area_mm2"]);
    static readonly IReadOnlyList<string> MissingDatacenter = Array.AsReadOnly<string>(["datacenter"]);
    static readonly IReadOnlyList<string> MissingDatacenterAndDieArea = Array.AsReadOnly<string>(["datacenter", "die_area_mm2"]);
    static readonly IReadOnlyList<string> MissingTops = Array.AsReadOnly<string>(["dense_tops_int8"]);
    static readonly IReadOnlyList<string> MissingTopsAndIo = Array.AsReadOnly<string>(["dense_tops_int8", "interconnect_gbs"]);

    /// <summary>Classifies <paramref name="spec"/> under the rules of <paramref name="regulation"/> in force on
    /// <paramref name="asOf"/>. A board or computer is classified by the integrated circuit its figures describe.</summary>
    public static Classification Classify(ItemSpec spec, DateOnly asOf, Regulation regulation)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(regulation);

        var metrics = Metrics.Of(spec);
        var vintage = regulation.VintageIdOn(asOf);
        var regime = regulation.RegimeOn(asOf);
        if (regime is null)
        {
            var first = regulation.Regimes[0];
            var before = string.Create(Inv, $"no advanced-computing control was in force before {first.Effective:yyyy-MM-dd} (first: {first.Title}, {first.FederalRegister})");
            return Build(spec, asOf, metrics, vintage, new ChipResult(ControlLevel.NotControlled, "", before, NoneMissing, null));
        }

        var isComputer = IsComputer(spec.ItemType);
        var chip = spec.HbmBandwidthDensity is { } density && metrics.Tpp is null
            ? Memory(density, asOf, regime, isComputer)
            : regime.Legacy is { } legacy
                ? Legacy(spec, metrics, legacy)
                : Tiered(spec, metrics, regime.Tiered!);

        if (isComputer)
        {
            chip = AsComputer(spec, chip, regime);
        }

        return Build(spec, asOf, metrics, vintage, chip);
    }

    /// <summary>The ECCN text for a control level, for a chip or for a board/computer containing it.</summary>
    public static string Eccn(ControlLevel level, ItemType itemType)
    {
        var computer = IsComputer(itemType);
        return level switch
        {
            ControlLevel.NotControlled => "none",
            ControlLevel.Indeterminate => "indeterminate",
            ControlLevel.AdvancedComputing2022 => computer ? "4A090" : "3A090",
            ControlLevel.AdvancedComputingA => computer ? "4A090.a" : "3A090.a",
            ControlLevel.AdvancedComputingB => computer ? "4A090.b" : "3A090.b",
            ControlLevel.HighBandwidthMemory => "3A090.c",
            ControlLevel.AntiTerrorismOnly => computer ? "4A994.l" : "3A991.p",
        };
    }

    static bool IsComputer(ItemType itemType) => itemType switch
    {
        ItemType.Ic => false,
        ItemType.Board => true,
        ItemType.Computer => true,
    };

    static Classification Build(ItemSpec spec, DateOnly asOf, in ItemMetrics m, string vintage, ChipResult chip)
    {
        var reason = chip.Unconfirmed is null ? chip.Reason : string.Create(Inv, $"{chip.Reason} [unconfirmed: {chip.Unconfirmed}]");
        return new Classification(
            spec.Name,
            asOf,
            Eccn(chip.Level, spec.ItemType),
            chip.Level,
            chip.Rule,
            reason,
            m.Tpp,
            m.ComputedTpp,
            m.PublishedTpp,
            m.PerformanceDensity,
            vintage,
            chip.Missing,
            chip.Unconfirmed is not null);
    }

    static ChipResult Legacy(ItemSpec spec, in ItemMetrics m, LegacyThresholds t)
    {
        var unconfirmed = t.Tpp.Unconfirmed ?? t.InputOutput.Unconfirmed;
        if (spec.InterconnectGbs is { } belowIo && belowIo < t.InputOutput.Value)
        {
            return new(ControlLevel.NotControlled, t.InputOutput.Paragraph,
                string.Create(Inv, $"I/O {N(belowIo, t.InputOutput.Value)} GB/s < {N(t.InputOutput.Value)} GB/s, so not 3A090 whatever the performance ({Cite(t.InputOutput)})"),
                NoneMissing, unconfirmed);
        }

        if (m.Tpp is not { } tpp)
        {
            var (missing, alsoIo) = spec.InterconnectGbs is null ? (MissingTppAndIo, ", and interconnect_gbs is empty too") : (MissingTpp, "");
            return new(ControlLevel.Indeterminate, t.Tpp.Paragraph,
                string.Create(Inv, $"no TPP: tpp and every dense_tops_*/dense_tflops_* figure are empty{alsoIo}; 3A090 needs performance x bit length >= {N(t.Tpp.Value)} and I/O >= {N(t.InputOutput.Value)} GB/s ({Cite(t.Tpp)})"),
                missing, unconfirmed);
        }

        if (tpp < t.Tpp.Value)
        {
            return new(ControlLevel.NotControlled, t.Tpp.Paragraph,
                string.Create(Inv, $"TPP {Tpp(m, t.Tpp.Value)} < {N(t.Tpp.Value)}, so not 3A090 ({Cite(t.Tpp)})"),
                NoneMissing, unconfirmed);
        }

        if (spec.InterconnectGbs is not { } io)
        {
            return new(ControlLevel.Indeterminate, t.InputOutput.Paragraph,
                string.Create(Inv, $"TPP {Tpp(m, t.Tpp.Value)} >= {N(t.Tpp.Value)}, but 3A090 also needs I/O >= {N(t.InputOutput.Value)} GB/s and interconnect_gbs is empty ({Cite(t.InputOutput)})"),
                MissingIo, unconfirmed);
        }

        return new(ControlLevel.AdvancedComputing2022, t.Tpp.Paragraph,
            string.Create(Inv, $"TPP {Tpp(m, t.Tpp.Value)} >= {N(t.Tpp.Value)} and I/O {N(io, t.InputOutput.Value)} GB/s >= {N(t.InputOutput.Value)} GB/s: 3A090 ({Cite(t.Tpp)})"),
            NoneMissing, unconfirmed);
    }

    static ChipResult Tiered(ItemSpec spec, in ItemMetrics m, TieredThresholds t)
    {
        if (m.Tpp is not { } tpp)
        {
            return new(ControlLevel.Indeterminate, t.A1Tpp.Paragraph,
                string.Create(Inv, $"no TPP: tpp and every dense_tops_*/dense_tflops_* figure are empty; 3A090.a.1 applies from TPP {N(t.A1Tpp.Value)} ({Cite(t.A1Tpp)})"),
                MissingTpp, t.A1Tpp.Unconfirmed);
        }

        if (tpp >= t.A1Tpp.Value)
        {
            var reason = spec.Datacenter == false
                ? string.Create(Inv, $"TPP {Tpp(m, t.A1Tpp.Value)} >= {N(t.A1Tpp.Value)}: 3A090.a.1 ({Cite(t.A1Tpp)}); not designed or marketed for datacenters, so License Exceptions NAC/ACA may apply (Note to 3A090; 15 CFR 740.8)")
                : string.Create(Inv, $"TPP {Tpp(m, t.A1Tpp.Value)} >= {N(t.A1Tpp.Value)}: 3A090.a.1 ({Cite(t.A1Tpp)})");
            return new(ControlLevel.AdvancedComputingA, t.A1Tpp.Paragraph, reason, NoneMissing, t.A1Tpp.Unconfirmed);
        }

        var note = t.DatacenterNoteTpp;
        var belowNote = tpp < note.Value;
        if (spec.Datacenter == false && belowNote)
        {
            return Lower(spec, m, t,
                string.Create(Inv, $"not designed or marketed for datacenters and TPP {Tpp(m, note.Value)} < {N(note.Value)}: outside 3A090.a/.b ({Cite(note)})"),
                note.Unconfirmed);
        }

        var asDatacenter = Paragraphs(m, tpp, t);
        if (spec.Datacenter is null && belowNote)
        {
            if (asDatacenter.Level == ControlLevel.NotControlled)
            {
                return Lower(spec, m, t, string.Create(Inv, $"{asDatacenter.Reason}, datacenter or not"), asDatacenter.Unconfirmed);
            }

            var missing = asDatacenter.Level == ControlLevel.Indeterminate ? MissingDatacenterAndDieArea : MissingDatacenter;
            return new(ControlLevel.Indeterminate, note.Paragraph,
                string.Create(Inv, $"datacenter is empty and decides: outside 3A090.a/.b if not designed or marketed for datacenters (TPP {Tpp(m, note.Value)} < {N(note.Value)}; {Cite(note)}); if it is: {asDatacenter.Reason}"),
                missing, asDatacenter.Unconfirmed ?? note.Unconfirmed);
        }

        return asDatacenter.Level == ControlLevel.NotControlled
            ? Lower(spec, m, t, asDatacenter.Reason, asDatacenter.Unconfirmed)
            : asDatacenter;
    }

    static ChipResult Paragraphs(in ItemMetrics m, double tpp, TieredThresholds t)
    {
        var inA2 = tpp >= t.A2Tpp.Value;
        var inB1 = tpp >= t.B1TppMin.Value && tpp < t.B1TppBelow.Value;
        var inB2 = tpp >= t.B2Tpp.Value;
        if (!inA2 && !inB1 && !inB2)
        {
            var floor = Math.Min(t.A2Tpp.Value, Math.Min(t.B1TppMin.Value, t.B2Tpp.Value));
            return new(ControlLevel.NotControlled, t.A2Tpp.Paragraph,
                string.Create(Inv, $"TPP {Tpp(m, floor)} < {N(floor)}: below every 3A090 paragraph ({Cite(t.A2Tpp)}; {t.B2Tpp.Paragraph})"),
                NoneMissing, t.A2Tpp.Unconfirmed);
        }

        if (m.PerformanceDensity is not { } pd)
        {
            return new(ControlLevel.Indeterminate, t.A2Pd.Paragraph,
                string.Create(Inv, $"TPP {Tpp(m, t.A1Tpp.Value)} is below {N(t.A1Tpp.Value)} and at least {N(t.A2Tpp.Value)}, where performance density decides, and die_area_mm2 is empty ({Cite(t.A2Pd)}; {t.B2PdMin.Paragraph})"),
                MissingDieArea, t.A2Pd.Unconfirmed);
        }

        if (inA2 && pd >= t.A2Pd.Value)
        {
            return new(ControlLevel.AdvancedComputingA, t.A2Pd.Paragraph,
                string.Create(Inv, $"TPP {Tpp(m, t.A2Tpp.Value)} >= {N(t.A2Tpp.Value)} and PD {N(pd, t.A2Pd.Value)} >= {N(t.A2Pd.Value)}: 3A090.a.2 ({Cite(t.A2Pd)})"),
                NoneMissing, t.A2Pd.Unconfirmed ?? t.A2Tpp.Unconfirmed);
        }

        if (inB1 && pd >= t.B1PdMin.Value && pd < t.B1PdBelow.Value)
        {
            return new(ControlLevel.AdvancedComputingB, t.B1PdMin.Paragraph,
                string.Create(Inv, $"TPP {Tpp(m, t.B1TppMin.Value)} >= {N(t.B1TppMin.Value)} and < {N(t.B1TppBelow.Value)}, PD {N(pd, t.B1PdMin.Value)} >= {N(t.B1PdMin.Value)} and < {N(t.B1PdBelow.Value)}: 3A090.b.1 ({Cite(t.B1PdMin)})"),
                NoneMissing, t.B1PdMin.Unconfirmed ?? t.B1TppMin.Unconfirmed);
        }

        if (inB2 && pd >= t.B2PdMin.Value && pd < t.B2PdBelow.Value)
        {
            return new(ControlLevel.AdvancedComputingB, t.B2PdMin.Paragraph,
                string.Create(Inv, $"TPP {Tpp(m, t.B2Tpp.Value)} >= {N(t.B2Tpp.Value)} and PD {N(pd, t.B2PdMin.Value)} >= {N(t.B2PdMin.Value)} and < {N(t.B2PdBelow.Value)}: 3A090.b.2 ({Cite(t.B2PdMin)})"),
                NoneMissing, t.B2PdMin.Unconfirmed ?? t.B2Tpp.Unconfirmed);
        }

        return new(ControlLevel.NotControlled, t.B2PdMin.Paragraph,
            string.Create(Inv, $"TPP {Tpp(m, t.A1Tpp.Value, t.B1TppMin.Value, t.A2Tpp.Value)} with PD {N(pd, t.A2Pd.Value, t.B1PdMin.Value, t.B2PdMin.Value)} meets none of 3A090.a.2 (TPP >= {N(t.A2Tpp.Value)}, PD >= {N(t.A2Pd.Value)}), 3A090.b.1 (TPP >= {N(t.B1TppMin.Value)} and < {N(t.B1TppBelow.Value)}, PD >= {N(t.B1PdMin.Value)}), 3A090.b.2 (TPP >= {N(t.B2Tpp.Value)}, PD >= {N(t.B2PdMin.Value)}) ({t.B2PdMin.Cfr}; {t.B2PdMin.FederalRegister})"),
            NoneMissing, t.B2PdMin.Unconfirmed);
    }

    // 3A991.p: "Integrated circuits, n.e.s., having ... p.1. A processing performance of 8 TOPS or more; or p.2. An
    // aggregate bidirectional transfer rate over all inputs and outputs of 150 Gbyte/s or more ..."
    static ChipResult Lower(ItemSpec spec, in ItemMetrics m, TieredThresholds t, string outside, string? unconfirmed)
    {
        var p1 = t.P1Tops;
        var p2 = t.P2InputOutput;
        var note = unconfirmed ?? p1.Unconfirmed ?? p2.Unconfirmed;

        // Without a dense figure, a published TPP bounds the TOPS: every bit length lies between 4 and 64.
        double? topsAtLeast = m.MaxDenseTops ?? (m.Tpp is { } tpp ? tpp / 64 : null);
        double? topsAtMost = m.MaxDenseTops ?? (m.Tpp is { } t2 ? t2 / 4 : null);
        if (topsAtLeast is { } low && low >= p1.Value)
        {
            var how = m.MaxDenseTops is null
                ? string.Create(Inv, $"TPP {N(m.Tpp!.Value)} implies at least {N(low)} TOPS (bit length <= 64)")
                : string.Create(Inv, $"dense {N(low, p1.Value)} TOPS");
            return new(ControlLevel.AntiTerrorismOnly, p1.Paragraph,
                string.Create(Inv, $"{outside}; {how} >= {N(p1.Value)}: 3A991.p.1 ({Cite(p1)})"), NoneMissing, note);
        }

        if (spec.InterconnectGbs is { } io && io >= p2.Value)
        {
            return new(ControlLevel.AntiTerrorismOnly, p2.Paragraph,
                string.Create(Inv, $"{outside}; I/O {N(io, p2.Value)} GB/s >= {N(p2.Value)} GB/s: 3A991.p.2 ({Cite(p2)})"), NoneMissing, note);
        }

        var topsBelow = topsAtMost is { } high && high < p1.Value;
        if (topsBelow && spec.InterconnectGbs is { } lowIo)
        {
            return new(ControlLevel.NotControlled, p1.Paragraph,
                string.Create(Inv, $"{outside}; under {N(p1.Value)} TOPS and I/O {N(lowIo, p2.Value)} GB/s < {N(p2.Value)} GB/s: not 3A991.p ({p1.Cfr}; {p1.FederalRegister})"),
                NoneMissing, note);
        }

        var missing = topsBelow ? MissingIo : spec.InterconnectGbs is null ? MissingTopsAndIo : MissingTops;
        return new(ControlLevel.Indeterminate, p1.Paragraph,
            string.Create(Inv, $"{outside}; 3A991.p needs dense TOPS (dense_tops_int8 or another dense figure) >= {N(p1.Value)} or I/O (interconnect_gbs) >= {N(p2.Value)} GB/s and the figures do not settle it ({Cite(p1)})"),
            missing, note);
    }

    static ChipResult Memory(double density, DateOnly asOf, ClassificationRegime regime, bool isComputer)
    {
        if (regime.Hbm is not { } hbm)
        {
            return new(ControlLevel.NotControlled, "3A090.c",
                string.Create(Inv, $"memory with bandwidth density {N(density)} GB/s/mm2: no HBM control (3A090.c) under {regime.Title} ({regime.FederalRegister})"),
                NoneMissing, null);
        }

        var t = hbm.Density;
        if (isComputer)
        {
            return new(ControlLevel.NotControlled, t.Paragraph,
                string.Create(Inv, $"only memory figures given; 3A090.c parameters are not used to classify computers, assemblies or components (Note to 3A090; {t.Cfr}; {t.FederalRegister})"),
                NoneMissing, t.Unconfirmed);
        }

        if (density > t.Value)
        {
            var compliance = asOf < hbm.ComplianceDate ? string.Create(Inv, $"; compliance required from {hbm.ComplianceDate:yyyy-MM-dd}") : "";
            return new(ControlLevel.HighBandwidthMemory, t.Paragraph,
                string.Create(Inv, $"memory bandwidth density {N(density, t.Value)} GB/s/mm2 > {N(t.Value)}: 3A090.c ({Cite(t)}){compliance}"),
                NoneMissing, t.Unconfirmed);
        }

        return new(ControlLevel.NotControlled, t.Paragraph,
            string.Create(Inv, $"memory bandwidth density {N(density, t.Value)} GB/s/mm2 <= {N(t.Value)}: not 3A090.c ({Cite(t)})"),
            NoneMissing, t.Unconfirmed);
    }

    static ChipResult AsComputer(ItemSpec spec, ChipResult chip, ClassificationRegime regime)
    {
        var paragraph = chip.Level switch
        {
            ControlLevel.NotControlled => null,
            ControlLevel.Indeterminate => null,
            ControlLevel.HighBandwidthMemory => null,
            ControlLevel.AdvancedComputing2022 => regime.Legacy?.Computer,
            ControlLevel.AdvancedComputingA => regime.Tiered?.ComputerA,
            ControlLevel.AdvancedComputingB => regime.Tiered?.ComputerB,
            ControlLevel.AntiTerrorismOnly => regime.Tiered?.ComputerP,
        };

        var what = spec.Contains is { } chipName
            ? spec.ChipCount is { } count ? string.Create(Inv, $"contains {count} x {chipName}") : string.Create(Inv, $"contains {chipName}")
            : "its integrated circuit";
        if (paragraph is null)
        {
            return chip with { Reason = string.Create(Inv, $"{what}: {chip.Reason}") };
        }

        return new(chip.Level, paragraph.Id,
            string.Create(Inv, $"{what}: {chip.Reason}; so {paragraph.Id} ({paragraph.Cfr}; {paragraph.FederalRegister})"),
            chip.Missing, chip.Unconfirmed ?? paragraph.Unconfirmed);
    }

    static string Cite(Threshold t) => t.Citation;

    static Figure Tpp(in ItemMetrics m, double threshold, double other = double.NaN, double third = double.NaN) =>
        N(m.Tpp!.Value, threshold, other, third);

    /// <summary>A figure for a reason, to at most four decimals; when rounding would print it equal to a threshold it
    /// is compared with while it is not, every digit is kept so that a reason never reads "5.92 &lt; 5.92".</summary>
    static Figure N(double value, double threshold, double other = double.NaN, double third = double.NaN)
    {
        var rounded = Math.Round(value, 4);
        var misleading = value != rounded && (rounded == threshold || rounded == other || rounded == third);
        return new Figure(misleading ? value : rounded);
    }

    static Figure N(double value) => new(Math.Round(value, 4));
}
