namespace Clearance.Rules.Tests;

public sealed class MonotonicityTests
{
    static readonly string[] Dates = ["2023-06-01", "2024-06-01", "2025-02-01", "2026-08-01"];

    static int Severity(ControlLevel level) => level switch
    {
        ControlLevel.NotControlled => 0,
        ControlLevel.AntiTerrorismOnly => 1,
        ControlLevel.HighBandwidthMemory => 1,
        ControlLevel.AdvancedComputingB => 2,
        ControlLevel.AdvancedComputing2022 => 3,
        ControlLevel.AdvancedComputingA => 3,
        ControlLevel.Indeterminate => throw new InvalidOperationException("every figure is given, so nothing is indeterminate"),
    };

    [Fact]
    public void Raising_tpp_or_density_never_makes_an_item_less_controlled()
    {
        var random = new Random(20261123);
        for (var i = 0; i < 20_000; i++)
        {
            var date = Dates[i % Dates.Length];
            var datacenter = random.Next(2) == 0;
            var tops = random.NextDouble() * 1200;
            var area = 20 + (random.NextDouble() * 2000);
            var interconnect = random.NextDouble() * 1000;
            var raise = 1 + (random.NextDouble() * 2);

            var baseline = Spec(tops, area, datacenter, interconnect);
            var moreTpp = Spec(tops * raise, area, datacenter, interconnect);
            var moreDensity = Spec(tops, area / raise, datacenter, interconnect);

            var before = Severity(ShippedRules.Classify(baseline, date).Level);
            Assert.True(Severity(ShippedRules.Classify(moreTpp, date).Level) >= before, $"case {i}: TPP x{raise} at {date}: {baseline}");
            Assert.True(Severity(ShippedRules.Classify(moreDensity, date).Level) >= before, $"case {i}: PD x{raise} at {date}: {baseline}");
        }
    }

    static ItemSpec Spec(double denseInt8, double area, bool datacenter, double interconnect) => new()
    {
        Name = "random",
        DenseTopsInt8 = denseInt8,
        DieAreaMm2 = area,
        Datacenter = datacenter,
        InterconnectGbs = interconnect,
    };
}
