using Clearance.Input;

namespace Clearance.Classify;

/// <summary>What a classify run did: the problems that stopped it, or how many items it read and how many rows it
/// printed (with <c>--compare-to</c>, rows are the changed items).</summary>
public sealed record ClassifyOutcome(IReadOnlyList<InputProblem> Errors, long Items);
