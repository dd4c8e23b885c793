namespace Clearance.Rules.Licensing.Data;

sealed record LetterData
{
    public required string Id { get; init; }
    public required string Recipient { get; init; }
    public required IReadOnlyList<string> RecipientAliases { get; init; }
    public required DateOnly Start { get; init; }
    public required IReadOnlyList<string> ItemsNamed { get; init; }
    public required string Criterion { get; init; }
    public IReadOnlyList<CriterionFigureData> CriterionFigures { get; init; } = [];
    public FigureCombination? CriterionCombine { get; init; }
    public string? CriterionNote { get; init; }
    public bool CriterionUnconfirmed { get; init; }
    public required IReadOnlyList<string> Destinations { get; init; }
    public required IReadOnlyList<string> DestinationGroups { get; init; }
    public required string Citation { get; init; }
    public bool Unconfirmed { get; init; }
    public bool LegalBasisUnconfirmed { get; init; }
    public required IReadOnlyList<ConditionData> Conditions { get; init; }
}
