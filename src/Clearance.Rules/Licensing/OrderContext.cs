using Clearance.Rules.Licensing.Data;

namespace Clearance.Rules.Licensing;

/// <summary>What the engine works out once per order and reuses for every line.</summary>
sealed class OrderContext
{
    public required OrderFacts Order { get; init; }

    public required DateOnly Date { get; init; }

    public required DiffusionReading Reading { get; init; }

    /// <summary>The destination as the EAR treats it (HK → CN).</summary>
    public required string Destination { get; init; }

    public required string Origin { get; init; }

    /// <summary>The order gave no origin, so <see cref="Origin"/> is the assumed United States.</summary>
    public required bool OriginAssumed { get; init; }

    public required bool NotAnExport { get; init; }

    public required bool DestinationMacauOrD5 { get; init; }

    /// <summary>In D:1/D:4/D:5 less A:5/A:6 (or Macau) — §742.6(a)(6)(iii).</summary>
    public required bool DestinationInScope { get; init; }

    /// <summary>The version in force of the requirement that names the destination outside the D groups (the UAE), or null.</summary>
    public required UaeChartsData? UaeChart { get; init; }

    /// <summary>The recipient matched by name to a supp. no. 8 entity, when the destination is one the supplement covers.</summary>
    public required (PartyFacts Party, string Entity, Supplement8Data Version)? Supplement8 { get; init; }

    /// <summary>Parties headquartered (ultimate parent) in Macau or D:5, with that country.</summary>
    public required IReadOnlyList<(PartyFacts Party, string Headquarters)> MacauOrD5Headquartered { get; init; }

    /// <summary>Findings that apply to every line (destination, parties, embargo).</summary>
    public required List<Finding> OrderFindings { get; init; }

    public required RequirementKinds OrderKinds { get; init; }

    public required ReviewPolicy? OrderPolicy { get; init; }

    public required bool OrderHold { get; init; }

    public required bool OrderExceptionsBarred { get; init; }
}
