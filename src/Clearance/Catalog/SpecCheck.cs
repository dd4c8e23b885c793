using Clearance.Input;
using Clearance.Rules;

namespace Clearance.Catalog;

/// <summary>The outcome of checking a chip-specification file before anything is printed from it.</summary>
/// <param name="Errors">The problems found; empty when the file is valid.</param>
/// <param name="Rows">The number of data rows.</param>
/// <param name="ContainedChips">The chips that boards and computers in the file contain, by name.</param>
public sealed record SpecCheck(IReadOnlyList<InputProblem> Errors, long Rows, IReadOnlyDictionary<string, ItemSpec> ContainedChips);
