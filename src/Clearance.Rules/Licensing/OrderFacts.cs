namespace Clearance.Rules.Licensing;

/// <summary>An order as the license engine sees it: validated, items classified, parties screened.</summary>
public sealed record OrderFacts
{
    /// <summary>The order's id.</summary>
    public required string Id { get; init; }

    /// <summary>The order's date.</summary>
    public required DateOnly Date { get; init; }

    /// <summary>Destination country (ISO 3166-1 alpha-2; HK is treated as CN).</summary>
    public required string Destination { get; init; }

    /// <summary>Declared end use.</summary>
    public EndUse EndUse { get; init; } = EndUse.General;

    /// <summary>The company shipping; an is-informed letter binds only its recipient.</summary>
    public string? Exporter { get; init; }

    /// <summary>The country the items leave from; null when the order does not say (the United States is assumed and said).</summary>
    public string? Origin { get; init; }

    /// <summary>The parties.</summary>
    public required IReadOnlyList<PartyFacts> Parties { get; init; }

    /// <summary>The lines.</summary>
    public required IReadOnlyList<LineFacts> Lines { get; init; }
}
