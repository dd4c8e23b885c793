namespace Clearance.Peers.Lists;

/// <summary>One searchable name of a list entry: the primary name or one alias, each indexed as its own row.</summary>
public sealed record ListName(string EntryId, string EntryName, string List, string Name);
