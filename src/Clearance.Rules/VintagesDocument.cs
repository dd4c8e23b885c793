namespace Clearance.Rules;

/// <summary>The shape of <c>data/rules/vintages.json</c>.</summary>
internal sealed record VintagesDocument(IReadOnlyList<Vintage> Vintages);
