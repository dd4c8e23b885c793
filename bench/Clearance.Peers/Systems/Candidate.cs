namespace Clearance.Peers.Systems;

/// <summary>A list entry a system returned for a query, with its score and whether the system calls it a hit.</summary>
public sealed record Candidate(string EntryId, string EntryName, string MatchedName, double Score, bool IsHit);
