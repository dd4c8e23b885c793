namespace Clearance.Parties;

/// <summary>An owner of a party in the customer master, screened with the party: a listed owner is what the Affiliates
/// rule (50% or more owned by listed parties, individually or in the aggregate) is about.</summary>
public sealed class PartyOwner
{
    public required string Name { get; set; }

    /// <summary>ISO 3166-1 alpha-2, when known.</summary>
    public string? Country { get; set; }

    /// <summary>The share of the party it owns, directly or indirectly, in percent; null when not known.</summary>
    public double? Percent { get; set; }
}
