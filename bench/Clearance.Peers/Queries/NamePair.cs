namespace Clearance.Peers.Queries;

/// <summary>A labelled name pair for pair scoring.</summary>
public sealed record NamePair(string Name1, string Name2, string? Schema, bool IsMatch);
