namespace Clearance.Rules.Licensing.Data;

sealed record UaeChartsData
{
    public required DateOnly From { get; init; }
    public required IReadOnlyList<string> Countries { get; init; }
    public required string Citation { get; init; }
    public required string Note { get; init; }
}
