namespace Clearance.Rules.Tests;

public sealed class MetricsTests
{
    [Fact]
    public void Tpp_is_the_highest_dense_figure_times_its_bit_length()
    {
        var b200 = new ItemSpec { Name = "B200", DenseTopsInt8 = 4500, DenseTflopsFp16 = 2250, DenseTflopsFp8 = 4500, DenseTflopsFp4 = 9000, DieAreaMm2 = 1628 };
        var m = Metrics.Of(b200);
        Assert.Equal(36000, m.ComputedTpp);
        Assert.Equal(36000, m.Tpp);
        Assert.Equal(36000 / 1628.0, m.PerformanceDensity);
    }

    [Theory]
    [InlineData(Precision.Int4, 4)]
    [InlineData(Precision.Fp4, 4)]
    [InlineData(Precision.Int8, 8)]
    [InlineData(Precision.Fp8, 8)]
    [InlineData(Precision.Fp16, 16)]
    [InlineData(Precision.Fp32, 32)]
    [InlineData(Precision.Fp64, 64)]
    public void Each_precision_counts_with_its_bit_length(Precision precision, int bits)
    {
        var spec = precision switch
        {
            Precision.Int4 => new ItemSpec { Name = "x", DenseTopsInt4 = 100 },
            Precision.Fp4 => new ItemSpec { Name = "x", DenseTflopsFp4 = 100 },
            Precision.Int8 => new ItemSpec { Name = "x", DenseTopsInt8 = 100 },
            Precision.Fp8 => new ItemSpec { Name = "x", DenseTflopsFp8 = 100 },
            Precision.Fp16 => new ItemSpec { Name = "x", DenseTflopsFp16 = 100 },
            Precision.Fp32 => new ItemSpec { Name = "x", DenseTflopsFp32 = 100 },
            Precision.Fp64 => new ItemSpec { Name = "x", DenseTflopsFp64 = 100 },
        };
        var m = Metrics.Of(spec);
        Assert.Equal(100.0 * bits, m.ComputedTpp);
        Assert.Equal(precision, m.ComputedFrom);
    }

    [Fact]
    public void Published_tpp_is_used_when_larger_and_the_computed_one_is_kept()
    {
        var h100Pcie = new ItemSpec { Name = "H100 PCIe", DenseTflopsFp8 = 1513, DenseTflopsFp16 = 756, PublishedTpp = 12224 };
        var m = Metrics.Of(h100Pcie);
        Assert.Equal(12104, m.ComputedTpp);
        Assert.Equal(12224, m.Tpp);

        var a100 = new ItemSpec { Name = "A100 80GB", DenseTopsInt8 = 624, PublishedTpp = 4989 };
        Assert.Equal(4992, Metrics.Of(a100).Tpp);
    }

    [Fact]
    public void Without_die_area_there_is_no_performance_density()
    {
        Assert.Null(Metrics.Of(new ItemSpec { Name = "x", PublishedTpp = 5000 }).PerformanceDensity);
    }
}
