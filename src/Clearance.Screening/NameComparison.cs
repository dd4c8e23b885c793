namespace Clearance.Screening;

/// <summary>The similarity of two names in [0, 1] with the reasons for it.</summary>
/// <param name="Score">1.0 only for the same normalised name; near-exact names stay below it.</param>
/// <param name="Explanation">Which tokens aligned and how well, and what was discounted.</param>
public sealed record NameComparison(double Score, string Explanation);
