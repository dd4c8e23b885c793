using Clearance.Rules.Licensing;

namespace Clearance.Orders;

/// <summary>An order as read from an order file, validated, with its items resolved to specifications.</summary>
public sealed record OrderInput
{
    public required string Id { get; init; }

    public required DateOnly Date { get; init; }

    public required string Destination { get; init; }

    public EndUse EndUse { get; init; } = EndUse.General;

    public string? Exporter { get; init; }

    /// <summary>The country the items leave from; null when the order does not say.</summary>
    public string? Origin { get; init; }

    public required IReadOnlyList<PartyInput> Parties { get; init; }

    public required IReadOnlyList<LineInput> Lines { get; init; }
}
