namespace Clearance.Parties;

/// <summary>An owner of a party as a client sends it.</summary>
public sealed record PartyOwnerFields(string? Name, string? Country, double? Percent);
