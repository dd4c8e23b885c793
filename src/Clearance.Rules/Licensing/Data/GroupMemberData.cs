namespace Clearance.Rules.Licensing.Data;

sealed record GroupMemberData
{
    public required string Country { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? Until { get; init; }
    public string? Citation { get; init; }
    public bool Unconfirmed { get; init; }
    public string? Note { get; init; }
}
