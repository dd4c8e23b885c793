namespace Clearance.Screening;

/// <summary>A listed party found for a query.</summary>
/// <param name="Entry">The list entry.</param>
/// <param name="MatchedName">The name of the entry (primary or alias) that matched best.</param>
/// <param name="Score">Name similarity adjusted by country and address, in [0, 1].</param>
/// <param name="Explanation">Which name matched, which tokens aligned, what was discounted or added.</param>
public sealed record ScreeningMatch(ListEntry Entry, string MatchedName, double Score, string Explanation);
