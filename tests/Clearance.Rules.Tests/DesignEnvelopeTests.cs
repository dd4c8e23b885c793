using System.Globalization;

namespace Clearance.Rules.Tests;

public sealed class DesignEnvelopeTests
{
    static DesignEnvelope Envelope(double area, bool datacenter = true, string date = "2026-03-01") =>
        DesignEnvelope.Compute(area, datacenter, DateOnly.Parse(date, CultureInfo.InvariantCulture), ShippedRules.Book);

    [Theory]
    [InlineData(814, 2400, "3A090.b.1")]
    [InlineData(600, 1920, "3A090.b.2")]
    [InlineData(400, 1600, "3A090.b.2")]
    [InlineData(2000, 3200, "3A090.b.1")]
    [InlineData(3500, 4800, "3A090.a.1")]
    public void Outside_3A090_for_a_datacenter_part(double area, double supremum, string binding)
    {
        var bound = Envelope(area).Outside3A090;
        Assert.Equal(supremum, bound.Supremum!.Value, 9);
        Assert.Equal(binding, bound.BindingRule);
        Assert.Equal(Math.Round(supremum - 0.01, 2), bound.Largest);
    }

    [Theory]
    [InlineData(814, 4800, "3A090.a.1")]
    [InlineData(700, 4144, "3A090.a.2")]
    [InlineData(200, 1600, "3A090.a.2")]
    public void Outside_3A090a_for_a_datacenter_part(double area, double supremum, string binding)
    {
        var bound = Envelope(area).OutsideA;
        Assert.Equal(supremum, bound.Supremum!.Value, 9);
        Assert.Equal(binding, bound.BindingRule);
    }

    [Fact]
    public void The_H20_sits_just_inside_its_envelope()
    {
        var bound = Envelope(814).Outside3A090;
        Assert.True(2368 < bound.Supremum);
    }

    [Fact]
    public void A_non_datacenter_part_may_reach_just_below_4800()
    {
        var envelope = Envelope(300, datacenter: false);
        Assert.Equal(4800, envelope.Outside3A090.Supremum);
        Assert.Equal("3A090.a.1", envelope.Outside3A090.BindingRule);
        Assert.Equal(4799.99, envelope.Outside3A090.Largest);
    }

    [Fact]
    public void Under_the_2022_rule_the_bound_is_4800_assuming_the_IO_test_is_met()
    {
        var envelope = Envelope(814, date: "2023-06-01");
        Assert.Equal(4800, envelope.Outside3A090.Supremum);
        Assert.NotNull(envelope.Assumption);
    }

    [Fact]
    public void Before_the_first_rule_there_is_no_limit()
    {
        Assert.Null(Envelope(814, date: "2022-01-01").Outside3A090.Supremum);
    }

    [Fact]
    public void The_supremum_is_controlled_and_the_largest_value_is_not_for_any_die_area()
    {
        var random = new Random(7);
        var date = DateOnly.Parse("2026-03-01", CultureInfo.InvariantCulture);
        for (var i = 0; i < 2_000; i++)
        {
            var area = Math.Round(10 + (random.NextDouble() * 4000), 3);
            var datacenter = random.Next(4) != 0;
            var envelope = DesignEnvelope.Compute(area, datacenter, date, ShippedRules.Book);
            foreach (var (bound, controlled) in new[]
            {
                (envelope.Outside3A090, (Func<ControlLevel, bool>)(l => l is ControlLevel.AdvancedComputingA or ControlLevel.AdvancedComputingB)),
                (envelope.OutsideA, l => l is ControlLevel.AdvancedComputingA),
            })
            {
                var at = Classifier.Classify(Probe(bound.Supremum!.Value, area, datacenter), date, ShippedRules.Book);
                var largest = Classifier.Classify(Probe(bound.Largest!.Value, area, datacenter), date, ShippedRules.Book);
                Assert.True(controlled(at.Level), $"area {area}: {bound.Scope} supremum {bound.Supremum} is {at.Eccn}");
                Assert.False(controlled(largest.Level), $"area {area}: {bound.Scope} largest {bound.Largest} is {largest.Eccn}");
                Assert.True(bound.Supremum - bound.Largest <= 0.01 + 1e-9, $"area {area}: {bound.Scope} gap");
            }
        }
    }

    static ItemSpec Probe(double tpp, double area, bool datacenter) =>
        new() { Name = "probe", PublishedTpp = tpp, DieAreaMm2 = area, Datacenter = datacenter, InterconnectGbs = 0 };
}
