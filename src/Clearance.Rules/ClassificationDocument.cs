namespace Clearance.Rules;

/// <summary>The shape of <c>data/rules/classification.json</c>.</summary>
internal sealed record ClassificationDocument(IReadOnlyList<ClassificationRegime> Regimes);
