using System.Collections.Concurrent;
using Clearance.Input;
using Clearance.Orders;
using Clearance.Rules;
using Clearance.Rules.Licensing;

namespace Clearance.Catalog;

/// <summary>
/// The catalog on the TPP × performance-density plane, with the control regions of a date. The regions are found by
/// classifying a grid of probe parts with <see cref="Classifier"/> and deciding a probe export of each to China with
/// <see cref="OrderPipeline"/>, as <see cref="DesignEnvelope"/> finds its bounds: no threshold is copied here, so the
/// picture agrees with every decision the service takes.
/// </summary>
public sealed class CatalogMap(OrderPipeline pipeline)
{
    public const int Columns = 72;
    public const int Rows = 54;

    /// <summary>The destination of the probe exports drawn as the China overlay.</summary>
    public const string ChinaDestination = "CN";

    const int MaximumCachedMaps = 64;
    const string ProbeName = "probe";

    // A probe's figures other than TPP and area: I/O and memory bandwidth high enough that no rule passes a part for
    // lacking them (the 2022 rule also required I/O), DRAM bandwidth low (the January-2026 policy also bounds it).
    const double ProbeInterconnectGbs = 1_000_000;
    const double ProbeMemoryBandwidthGbs = 1;

    readonly ConcurrentDictionary<(DateOnly, bool), ControlRegions> _regions = new();

    Regulation Regulation => pipeline.Data.Regulation;

    /// <summary>Every chip (item type ic) of the catalog with its figures under the rules of <paramref name="asOf"/>.</summary>
    public IReadOnlyList<ChipPoint> Chips(DateOnly asOf, IReadOnlyDictionary<string, string> vendorHeadquarters) =>
        [.. pipeline.Data.Catalog.Values
            .Where(s => s.ItemType == ItemType.Ic)
            .Select(s => new ChipPoint(s, Classifier.Classify(s, asOf, Regulation), s.Vendor is { } v ? vendorHeadquarters.GetValueOrDefault(v) : null))
            .OrderBy(p => p.Spec.Name, StringComparer.Ordinal)];

    /// <summary>The axes: decades that hold every chip of the catalog whose TPP and density are known.</summary>
    public (double TppMin, double TppMax, double DensityMin, double DensityMax) Axes(IReadOnlyList<ChipPoint> chips)
    {
        var placed = chips.Where(c => c.Classification is { Tpp: > 0, PerformanceDensity: > 0 }).Select(c => c.Classification).ToList();
        if (placed.Count == 0)
        {
            return (1, 100_000, 0.1, 100);
        }

        static double Down(double v) => Math.Pow(10, Math.Floor(Math.Log10(v)));
        static double Up(double v) => Math.Pow(10, Math.Ceiling(Math.Log10(v) + 1e-9));
        return (Down(placed.Min(c => c.Tpp!.Value)), Up(placed.Max(c => c.Tpp!.Value)),
            Down(placed.Min(c => c.PerformanceDensity!.Value)), Up(placed.Max(c => c.PerformanceDensity!.Value)));
    }

    /// <summary>The control regions of <paramref name="asOf"/> over the axes, for datacenter parts or others.</summary>
    public ControlRegions Regions(DateOnly asOf, bool datacenter, double tppMin, double tppMax, double densityMin, double densityMax)
    {
        if (_regions.TryGetValue((asOf, datacenter), out var known) && known.TppMin == tppMin && known.TppMax == tppMax
            && known.DensityMin == densityMin && known.DensityMax == densityMax)
        {
            return known;
        }

        if (_regions.Count >= MaximumCachedMaps)
        {
            _regions.Clear();
        }

        var cells = new ControlCell[Columns * Rows];
        var citations = new SortedSet<string>(StringComparer.Ordinal);
        Parallel.For(0, Columns * Rows, index =>
        {
            var column = index % Columns;
            var row = index / Columns;
            var tpp = Centre(tppMin, tppMax, column, Columns);
            var density = Centre(densityMin, densityMax, row, Rows);
            var spec = Probe(tpp, density, datacenter);
            var classification = Classifier.Classify(spec, asOf, Regulation);
            var line = ChinaLine(spec, asOf);
            var box = line.Findings.FirstOrDefault(f => f.Code.Equals(FindingCodes.ChinaCaseByCase, StringComparison.Ordinal));
            cells[index] = new ControlCell(column, row, classification.Eccn, classification.Rule, line.ReviewPolicy, box is not null);
            if (box is not null)
            {
                lock (citations)
                {
                    citations.Add(box.Citation);
                }
            }
        });

        var vintage = Regulation.VintageOn(asOf);
        var envelope = DesignEnvelope.Compute(100, datacenter, asOf, Regulation);
        var regions = new ControlRegions(asOf, datacenter, vintage, tppMin, tppMax, densityMin, densityMax, cells, [.. citations], envelope.Assumption);
        _regions[(asOf, datacenter)] = regions;
        return regions;
    }

    /// <summary>A chip's classification on the first day of every vintage, with the review policy of an export of it
    /// to China on that day.</summary>
    public IReadOnlyList<(Vintage Vintage, Classification Classification, LineDecision China)> History(ItemSpec spec) =>
        [.. Regulation.Vintages.Select(v => (v, Classifier.Classify(spec, v.Effective, Regulation), ChinaLine(spec, v.Effective)))];

    /// <summary>The design envelope for the chip's die area on <paramref name="asOf"/>; null when the area is unknown.</summary>
    public DesignEnvelope? Envelope(ItemSpec spec, DateOnly asOf) =>
        spec.DieAreaMm2 is > 0 and var area ? DesignEnvelope.Compute(area, spec.Datacenter ?? true, asOf, Regulation) : null;

    /// <summary>The decision for one unit of <paramref name="spec"/> exported from the United States to China for a
    /// datacenter on <paramref name="asOf"/>, with no party named (screening plays no part in it).</summary>
    public LineDecision ChinaLine(ItemSpec spec, DateOnly asOf)
    {
        var order = new OrderInput
        {
            Id = ProbeName,
            Date = asOf,
            Destination = ChinaDestination,
            EndUse = EndUse.Datacenter,
            Parties = [],
            Lines = [new LineInput(spec.Name, spec, 1, null)],
        };
        return pipeline.Evaluate(order, asOf, DiffusionReading.Enforced).Lines[0];
    }

    /// <summary>The geometric centre of a cell of a log axis.</summary>
    public static double Centre(double min, double max, int cell, int cells) =>
        Math.Pow(10, Math.Log10(min) + ((cell + 0.5) * (Math.Log10(max) - Math.Log10(min)) / cells));

    static ItemSpec Probe(double tpp, double density, bool datacenter) => new()
    {
        Name = ProbeName,
        Datacenter = datacenter,
        ItemType = ItemType.Ic,
        DieAreaMm2 = tpp / density,
        PublishedTpp = tpp,
        InterconnectGbs = ProbeInterconnectGbs,
        MemoryBandwidthGbs = ProbeMemoryBandwidthGbs,
    };

    /// <summary>Reads <c>vendors.csv</c>: vendor name to the ISO code of the country it is headquartered in.</summary>
    /// <exception cref="InvalidDataException">A row is malformed; the message names the file, line and field.</exception>
    public static IReadOnlyDictionary<string, string> ReadVendors(string path)
    {
        var problems = new List<InputProblem>();
        var vendors = new Dictionary<string, string>(StringComparer.Ordinal);
        using var table = new CsvTable(CsvTable.OpenText(File.OpenRead(path)), path);
        if (!table.ReadHeader(out var headerProblem) || table.Header is not ["vendor", "headquarters", "source"])
        {
            throw new InvalidDataException(headerProblem?.ToString() ?? $"{path}:1: header must be vendor,headquarters,source");
        }

        foreach (var (line, fields) in table.Rows(problems, maxLinesPerRow: 1))
        {
            if (fields.Length != 3 || fields[0].Length == 0)
            {
                throw new InvalidDataException(InputProblem.AtLine(path, line, "required, with headquarters and source", "vendor").ToString());
            }

            if (fields[1] is not { Length: 2 } code || !code.All(char.IsAsciiLetterUpper))
            {
                throw new InvalidDataException(InputProblem.AtLine(path, line, $"'{fields[1]}' is not an ISO 3166-1 alpha-2 code", "headquarters").ToString());
            }

            if (!vendors.TryAdd(fields[0], code))
            {
                throw new InvalidDataException(InputProblem.AtLine(path, line, $"'{fields[0]}' appears twice", "vendor").ToString());
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidDataException(problems[0].ToString());
        }

        return vendors;
    }
}

/// <param name="Spec">The chip's datasheet figures.</param>
/// <param name="Classification">Its classification on the chart's date.</param>
/// <param name="Headquarters">Where its vendor is headquartered (ISO code), when known.</param>
public sealed record ChipPoint(ItemSpec Spec, Classification Classification, string? Headquarters);

/// <param name="Column">From the lowest TPP.</param>
/// <param name="Row">From the lowest density.</param>
/// <param name="Eccn">The probe's classification.</param>
/// <param name="Rule">The paragraph that decided it.</param>
/// <param name="ChinaPolicy">The review policy of an export of the probe to China; null when no license is required
/// or the policy is unknown.</param>
/// <param name="ChinaCaseByCase">Whether that export falls in the January 2026 case-by-case policy
/// (<see cref="FindingCodes.ChinaCaseByCase"/>).</param>
public sealed record ControlCell(int Column, int Row, string Eccn, string Rule, ReviewPolicy? ChinaPolicy, bool ChinaCaseByCase);

/// <summary>The probe grid of one date.</summary>
/// <param name="AsOf">The date whose rules were applied.</param>
/// <param name="Datacenter">Whether the probes are datacenter parts.</param>
/// <param name="Vintage">The vintage in force on <paramref name="AsOf"/>; null before the first.</param>
/// <param name="TppMin">The TPP axis's low end.</param>
/// <param name="TppMax">The TPP axis's high end.</param>
/// <param name="DensityMin">The density axis's low end.</param>
/// <param name="DensityMax">The density axis's high end.</param>
/// <param name="Cells">Every probe, <see cref="CatalogMap.Columns"/> per row.</param>
/// <param name="ChinaCitations">The citations of the January 2026 case-by-case policy, as the decisions give them.</param>
/// <param name="Assumption">What the regions assume about figures the chart does not show, if anything.</param>
public sealed record ControlRegions(DateOnly AsOf, bool Datacenter, Vintage? Vintage, double TppMin, double TppMax, double DensityMin,
    double DensityMax, IReadOnlyList<ControlCell> Cells, IReadOnlyList<string> ChinaCitations, string? Assumption);
