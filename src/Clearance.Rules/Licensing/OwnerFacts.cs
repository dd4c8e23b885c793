namespace Clearance.Rules.Licensing;

/// <summary>An owner of a party, for the Affiliates (50%) rule.</summary>
public sealed record OwnerFacts
{
    /// <summary>The owner's name.</summary>
    public required string Name { get; init; }

    /// <summary>The share of the party it owns, directly or indirectly, in percent.</summary>
    public required double Percent { get; init; }

    /// <summary>What screening found about the owner.</summary>
    public IReadOnlyList<ScreeningFact> Screening { get; init; } = [];
}
