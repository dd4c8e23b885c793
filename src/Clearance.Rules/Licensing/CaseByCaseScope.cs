namespace Clearance.Rules.Licensing;

/// <summary>Where a version of the January-2026 case-by-case policy applies: exports from <paramref name="Origin"/> to
/// <paramref name="Destinations"/>, in force from <paramref name="From"/>.</summary>
public sealed record CaseByCaseScope(DateOnly From, IReadOnlyList<string> Destinations, string Origin, string Citation);
