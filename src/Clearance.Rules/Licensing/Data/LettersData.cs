namespace Clearance.Rules.Licensing.Data;

sealed record LettersData
{
    public required string Source { get; init; }
    public required IReadOnlyList<LetterData> Letters { get; init; }
}
