namespace Clearance.Rules.Licensing.Data;

/// <summary>One dated version of a review policy: in force from <see cref="From"/> until the next version starts.</summary>
sealed record PolicyVersionData
{
    public required DateOnly From { get; init; }
    public required ReviewPolicy Policy { get; init; }
    public required string Citation { get; init; }
    public bool Unconfirmed { get; init; }
    public string? Note { get; init; }
}
