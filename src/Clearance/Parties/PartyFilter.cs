namespace Clearance.Parties;

/// <summary>Which parties to list; null fields do not filter. <see cref="Name"/> matches a part of the primary name.</summary>
public sealed record PartyFilter(string? Name, string? Country, string? ExternalReference, bool? OpenAlerts);
