namespace Clearance.Rules.Licensing.Data;

/// <summary>One figure a letter's criterion tests and the value (GB/s) it must reach.</summary>
sealed record CriterionFigureData
{
    public required LetterFigure Figure { get; init; }
    public required double AtLeastGbs { get; init; }
}
