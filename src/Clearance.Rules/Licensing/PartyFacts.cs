namespace Clearance.Rules.Licensing;

/// <summary>A party to an order with what is known about it, screening results included.</summary>
public sealed record PartyFacts
{
    /// <summary>The party's role.</summary>
    public required PartyRole Role { get; init; }

    /// <summary>The party's name.</summary>
    public required string Name { get; init; }

    /// <summary>Where the party is located (ISO 3166-1 alpha-2).</summary>
    public required string Country { get; init; }

    /// <summary>Where its ultimate parent is headquartered (ISO 3166-1 alpha-2); null means the party's own country.</summary>
    public string? Headquarters { get; init; }

    /// <summary>Whether the party went through screening; an unscreened party holds the order.</summary>
    public required bool Screened { get; init; }

    /// <summary>Screening results about the party.</summary>
    public IReadOnlyList<ScreeningFact> Screening { get; init; } = [];

    /// <summary>Owners of the party, for the Affiliates rule.</summary>
    public IReadOnlyList<OwnerFacts> Owners { get; init; } = [];
}
