namespace Clearance.Rules.Licensing.Data;

sealed record Nac2023Data
{
    public required DateOnly From { get; init; }
    public required DateOnly Until { get; init; }
    public required int NoticeDays { get; init; }
    public required string Citation { get; init; }
}
