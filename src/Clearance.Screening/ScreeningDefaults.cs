namespace Clearance.Screening;

/// <summary>Defaults chosen from the evaluation data (bench/README.md, "Screening").</summary>
public static class ScreeningDefaults
{
    /// <summary>A score at or above this is a hit.</summary>
    public const double Threshold = 0.82;
}
