namespace Clearance.Rules;

/// <summary>Total processing performance and performance density as the Technical Notes to ECCN 3A090 define them.</summary>
public static class Metrics
{
    /// <summary>The bit length a precision counts with in 'total processing performance'.</summary>
    public static int BitLength(Precision precision) => precision switch
    {
        Precision.Int4 => 4,
        Precision.Fp4 => 4,
        Precision.Int8 => 8,
        Precision.Fp8 => 8,
        Precision.Fp16 => 16,
        Precision.Fp32 => 32,
        Precision.Fp64 => 64,
    };

    /// <summary>The datasheet label of a precision.</summary>
    public static string Label(Precision precision) => precision switch
    {
        Precision.Int4 => "INT4",
        Precision.Fp4 => "FP4",
        Precision.Int8 => "INT8",
        Precision.Fp8 => "FP8",
        Precision.Fp16 => "FP16",
        Precision.Fp32 => "FP32",
        Precision.Fp64 => "FP64",
    };

    /// <summary>The chip-specification column of a precision's dense figure.</summary>
    public static string Column(Precision precision) => precision switch
    {
        Precision.Int4 => "dense_tops_int4",
        Precision.Fp4 => "dense_tflops_fp4",
        Precision.Int8 => "dense_tops_int8",
        Precision.Fp8 => "dense_tflops_fp8",
        Precision.Fp16 => "dense_tflops_fp16",
        Precision.Fp32 => "dense_tflops_fp32",
        Precision.Fp64 => "dense_tflops_fp64",
    };

    /// <summary>The column whose figure makes TPP or performance density too large to be a finite number (a dense
    /// figure times its bit length, a published <c>tpp</c>, or TPP over a vanishing <c>die_area_mm2</c>), or null.
    /// Such a figure is an input error: no threshold comparison with infinity means anything.</summary>
    public static string? Overflowing(ItemSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        foreach (var precision in Enum.GetValues<Precision>())
        {
            if (Dense(spec, precision) is { } figure && !double.IsFinite(figure * BitLength(precision)))
            {
                return Column(precision);
            }
        }

        if (spec.PublishedTpp is { } published && !double.IsFinite(published))
        {
            return "tpp";
        }

        return Of(spec).PerformanceDensity is { } density && !double.IsFinite(density) ? "die_area_mm2" : null;
    }

    /// <summary>The message for <see cref="Overflowing"/>'s column.</summary>
    public static string OverflowMessage(string column) => column == "die_area_mm2"
        ? "is so small that performance density (TPP / die_area_mm2) is not a finite number"
        : "is too large: total processing performance computed from it is not a finite number";

    /// <summary>The dense figure of one precision, or null when the datasheet does not give it.</summary>
    public static double? Dense(ItemSpec spec, Precision precision) => precision switch
    {
        Precision.Int4 => spec.DenseTopsInt4,
        Precision.Fp4 => spec.DenseTflopsFp4,
        Precision.Int8 => spec.DenseTopsInt8,
        Precision.Fp8 => spec.DenseTflopsFp8,
        Precision.Fp16 => spec.DenseTflopsFp16,
        Precision.Fp32 => spec.DenseTflopsFp32,
        Precision.Fp64 => spec.DenseTflopsFp64,
    };

    /// <summary>Computes TPP (dense only; Technical Note 3), the highest over precisions (Technical Note 2), the larger
    /// of computed and published (the highest value the manufacturer claims), and the performance density
    /// (Technical Note 4).</summary>
    public static ItemMetrics Of(ItemSpec spec)
    {
        double? computed = null;
        Precision? from = null;
        double? maxTops = null;
        Consider(spec.DenseTopsInt4, Precision.Int4, ref computed, ref from, ref maxTops);
        Consider(spec.DenseTflopsFp4, Precision.Fp4, ref computed, ref from, ref maxTops);
        Consider(spec.DenseTopsInt8, Precision.Int8, ref computed, ref from, ref maxTops);
        Consider(spec.DenseTflopsFp8, Precision.Fp8, ref computed, ref from, ref maxTops);
        Consider(spec.DenseTflopsFp16, Precision.Fp16, ref computed, ref from, ref maxTops);
        Consider(spec.DenseTflopsFp32, Precision.Fp32, ref computed, ref from, ref maxTops);
        Consider(spec.DenseTflopsFp64, Precision.Fp64, ref computed, ref from, ref maxTops);

        var published = spec.PublishedTpp;
        double? tpp = (computed, published) switch
        {
            ({ } c, { } p) => Math.Max(c, p),
            ({ } c, null) => c,
            (null, { } p) => p,
            (null, null) => null,
        };

        double? density = tpp is { } t && spec.DieAreaMm2 is { } area && area > 0 ? t / area : null;
        return new ItemMetrics(tpp, computed, published, from, density, maxTops);
    }

    static void Consider(double? figure, Precision precision, ref double? computed, ref Precision? from, ref double? maxTops)
    {
        if (figure is not { } value)
        {
            return;
        }

        // Bit lengths are powers of two, so this product is exact in binary floating point.
        var tpp = value * BitLength(precision);
        if (computed is null || tpp > computed)
        {
            computed = tpp;
            from = precision;
        }

        if (maxTops is null || value > maxTops)
        {
            maxTops = value;
        }
    }
}
