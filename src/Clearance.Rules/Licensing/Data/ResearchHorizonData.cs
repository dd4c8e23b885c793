namespace Clearance.Rules.Licensing.Data;

/// <summary>The last date the rulebook's sources were found to cover; later rules are not known to it.</summary>
sealed record ResearchHorizonData
{
    public required DateOnly KnownThrough { get; init; }
    public required DateOnly Compiled { get; init; }
    public required string Citation { get; init; }
}
