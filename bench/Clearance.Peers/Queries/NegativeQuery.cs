namespace Clearance.Peers.Queries;

/// <summary>A synthetic name that should not hit any listed entry.</summary>
public sealed record NegativeQuery(string Id, string Name);
