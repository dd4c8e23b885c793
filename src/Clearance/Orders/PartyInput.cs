using Clearance.Rules.Licensing;

namespace Clearance.Orders;

/// <summary>A party of an order as read from an order file.</summary>
public sealed record PartyInput
{
    public required PartyRole Role { get; init; }

    public required string Name { get; init; }

    public required string Country { get; init; }

    public string? Headquarters { get; init; }

    public string? Address { get; init; }

    public IReadOnlyList<OwnerInput> Owners { get; init; } = [];
}
