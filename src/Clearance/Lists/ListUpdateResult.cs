namespace Clearance.Lists;

/// <summary>What <see cref="ListUpdater"/> did: the new copy, or why every source failed and which copy stays in use.</summary>
public sealed record ListUpdateResult(bool Updated, string? Path, int Entries, IReadOnlyList<string> Messages);
