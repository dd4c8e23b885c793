namespace Clearance.Screening;

/// <summary>Defaults chosen from the evaluation data (bench/README.md, "Screening").</summary>
public static class ScreeningDefaults
{
    /// <summary>A score at or above this is a hit.</summary>
    /// <remarks>
    /// Chosen on tools/screening-eval (bench/README.md, "Screening: token rarity"): the lowest threshold in the sweep whose
    /// false-positive rate on the 50,000 synthetic negatives stays near the 0.28 % measured before token rarity, and the
    /// first at which name_bench F1 reaches 0.90 (0.900 at 0.80, 0.895 at 0.82; negatives 0.31 % at 0.80, 0.22 % at 0.82).
    /// </remarks>
    public const double Threshold = 0.80;
}
