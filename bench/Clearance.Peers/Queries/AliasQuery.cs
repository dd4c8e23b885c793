namespace Clearance.Peers.Queries;

/// <summary>A listed alias used as the query; the entry it belongs to is the expected answer.</summary>
public sealed record AliasQuery(string Id, string Query, string ExpectedId, string ExpectedName);
