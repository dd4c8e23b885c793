namespace Clearance.Lists;

/// <summary>What <see cref="ListUpdateWorkflow.UpdateAsync"/> did.</summary>
/// <param name="Messages">Each source tried, in order, with what came of it (<see cref="ListUpdateResult.Messages"/>).</param>
/// <param name="Import">The good download's import as a new <c>csl</c> version; null when no source gave a good copy
/// and the lists in use stay.</param>
public sealed record ListUpdateOutcome(IReadOnlyList<string> Messages, ListImportOutcome? Import);
