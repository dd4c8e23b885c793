namespace Clearance.Rules;

/// <summary>The metrics derived from an item's datasheet figures; null means the figures do not allow it.</summary>
/// <param name="Tpp">The TPP the rules use: the larger of <paramref name="ComputedTpp"/> and <paramref name="PublishedTpp"/>.</param>
/// <param name="ComputedTpp">Dense figure × bit length, the highest over precisions.</param>
/// <param name="PublishedTpp">The manufacturer's published TPP.</param>
/// <param name="ComputedFrom">The precision that gave <paramref name="ComputedTpp"/>.</param>
/// <param name="PerformanceDensity">TPP divided by the applicable die area.</param>
/// <param name="MaxDenseTops">The highest dense TOPS/TFLOPS figure over precisions (operations, not bit-weighted).</param>
public readonly record struct ItemMetrics(
    double? Tpp,
    double? ComputedTpp,
    double? PublishedTpp,
    Precision? ComputedFrom,
    double? PerformanceDensity,
    double? MaxDenseTops);
