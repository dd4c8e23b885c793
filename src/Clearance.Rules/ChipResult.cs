namespace Clearance.Rules;

/// <summary>The outcome for the integrated circuit itself, before mapping a board or computer onto 4A090/4A994.</summary>
internal readonly record struct ChipResult(
    ControlLevel Level,
    string Rule,
    string Reason,
    IReadOnlyList<string> Missing,
    string? Unconfirmed);
