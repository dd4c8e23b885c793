namespace Clearance.Rules.Licensing.Data;

sealed record VintageData
{
    public required string Id { get; init; }
    public required DateOnly Effective { get; init; }
    public required string Title { get; init; }
    public required string Citation { get; init; }
}
