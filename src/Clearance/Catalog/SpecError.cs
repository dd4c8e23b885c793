namespace Clearance.Catalog;

/// <summary>A problem in a chip-specification file, printed as <c>file:line: column 'x': message</c>; line 0 is the
/// file as a whole.</summary>
public sealed record SpecError(string File, long Line, string? Column, string Message)
{
    public override string ToString() => (Line, Column) switch
    {
        (0, _) => $"{File}: {Message}",
        (_, null) => $"{File}:{Line}: {Message}",
        _ => $"{File}:{Line}: column '{Column}': {Message}",
    };
}
