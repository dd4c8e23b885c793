using Clearance.Rules.Licensing;

namespace Clearance.Rules.Tests.Licensing;

/// <summary>The shipped data/rules files, loaded once, and small builders for orders.</summary>
static class TestRules
{
    public static readonly Regulation Regulation = Regulation.Load(Regulation.Files.ToDictionary(f => f, Read));

    public static readonly LicenseEngine Engine = new(Regulation);

    public static string Read(string file) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "rules", file));

    public static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    // Figures from data/chips.csv (research/ear/chips.csv); the ECCN is what the 2023+ rules give.
    public static LineFacts H100 { get; } = Line("NVIDIA H100 SXM5 80GB", "3A090.a", true, 15840, 19.46, 3350, 900);

    public static LineFacts H200 { get; } = Line("NVIDIA H200 SXM 141GB", "3A090.a", true, 15840, 19.46, 4800, 900);

    public static LineFacts B200 { get; } = Line("NVIDIA B200 (HGX B200, per GPU)", "3A090.a", true, 37248, 22.88, 7700, 1800);

    public static LineFacts L40 { get; } = Line("NVIDIA L40", "3A090.b", true, 2912, 4.79, 864, null);

    public static LineFacts Rtx4090 { get; } = Line("NVIDIA GeForce RTX 4090", "3A090.a", false, 5284.8, 8.69, 1008, null);

    public static LineFacts H20 { get; } = Line("NVIDIA H20 (HGX H20)", "4A994.l", true, 2368, 2.91, 4000, 900);

    public static LineFacts A800Of2022 { get; } = Line("NVIDIA A800 SXM4 80GB", "3A090", true, 4989, 6.04, 2040, 400);

    public static LineFacts Line(string item, string eccn, bool? datacenter, double? tpp, double? pd, double? memory, double? interconnect) => new()
    {
        Item = item,
        Eccn = eccn,
        Entry = ControlEntries.Parse(eccn) ?? throw new ArgumentException(eccn),
        Datacenter = datacenter,
        Tpp = tpp,
        PerformanceDensity = pd,
        MemoryBandwidthGbs = memory,
        InterconnectGbs = interconnect,
        Quantity = 8,
        UnitPrice = 25000m,
    };

    public static PartyFacts Buyer(string country, string? headquarters = null, params ScreeningFact[] screening) => new()
    {
        Role = PartyRole.Buyer,
        Name = "Example Buyer Co.",
        Country = country,
        Headquarters = headquarters ?? country,
        Screened = true,
        Screening = screening,
    };

    public static OrderFacts Order(string destination, string date, LineFacts line, PartyFacts? buyer = null, string? exporter = null, string? origin = "US", EndUse endUse = EndUse.General) => new()
    {
        Id = "T-1",
        Date = Day(date),
        Destination = destination,
        EndUse = endUse,
        Exporter = exporter,
        Origin = origin,
        Parties = [buyer ?? Buyer(destination)],
        Lines = [line],
    };

    public static Decision Evaluate(OrderFacts order, DiffusionReading reading = DiffusionReading.Enforced) =>
        Engine.Evaluate(order, order.Date, reading);

    public static LineDecision Evaluate(string destination, string date, LineFacts line, PartyFacts? buyer = null, string? exporter = null, string? origin = "US", EndUse endUse = EndUse.General, DiffusionReading reading = DiffusionReading.Enforced) =>
        Assert.Single(Evaluate(Order(destination, date, line, buyer, exporter, origin, endUse), reading).Lines);

    public static bool Has(this LineDecision line, string code) => line.Findings.Any(f => f.Code.Equals(code, StringComparison.Ordinal));

    public static Finding Finding(this LineDecision line, string code) => line.Findings.First(f => f.Code.Equals(code, StringComparison.Ordinal));
}
