namespace Clearance.Benchmarks.Load;

/// <summary>Exact percentiles over every recorded value (nearest rank), no histogram.</summary>
static class Percentiles
{
    /// <summary>
    /// The smallest value that at least <paramref name="percent"/> % of <paramref name="sorted"/> (ascending) do not
    /// exceed: the value at rank ⌈p/100 · n⌉. 0 gives the minimum, 100 the maximum; NaN for no values.
    /// </summary>
    public static double Of(double[] sorted, double percent)
    {
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        // The epsilon keeps 99 % of 1,000 at rank 990: 0.99 * 1000 is 990.0000000000001 in binary floating point.
        var rank = (long)Math.Ceiling((percent * sorted.Length / 100) - 1e-9);
        return sorted[(int)Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
