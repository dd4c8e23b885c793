using Clearance.Input;

namespace Clearance.Catalog;

/// <summary>One raw row of a chip-specification CSV as tokenised, before any conversion: the cells in
/// <see cref="SpecColumn"/> order (null where the file lacks the column), or the error that made the row unreadable.
/// Converting it (<see cref="ChipSpecReader.Convert"/>) is independent of the reader's position, so rows can be
/// converted on other threads.</summary>
/// <param name="Line">The physical line the row starts on.</param>
/// <param name="Cells">The cells, untrimmed, from <paramref name="Offset"/> on (a batch of rows may share one array);
/// null when <paramref name="Error"/> is set.</param>
/// <param name="Offset">Where the row's cells start in <paramref name="Cells"/>.</param>
/// <param name="Error">Malformed CSV on this row.</param>
public readonly record struct SpecRow(long Line, string?[]? Cells, int Offset, InputProblem? Error);
