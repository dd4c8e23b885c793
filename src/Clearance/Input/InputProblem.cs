using System.Globalization;

namespace Clearance.Input;

/// <summary>A problem in an input file — a chip-specification or input CSV, a list file, an order file: the file, where
/// in it (a line, a JSON path, or the line and byte where JSON stops parsing), the field to blame when there is one,
/// and what is wrong. Printed as <c>file:line: column 'x': message</c>, <c>file:line: message</c>, <c>file: $.path:
/// message</c> or <c>file: message</c> (the file as a whole).</summary>
/// <param name="File">The file as the user named it.</param>
/// <param name="Line">The physical line (1-based) the problem is on; 0 for the file as a whole or when a JSON path
/// locates it. A JSON list's problems give the record's number here, as they always have.</param>
/// <param name="Byte">The byte in <paramref name="Line"/> (1-based) where text that is not JSON stops parsing; 0 otherwise.</param>
/// <param name="Path">The JSON path (<c>$</c>, <c>$[2].lines[0].item</c>); null in a line-oriented file.</param>
/// <param name="Field">The CSV column to blame; null when the problem is the row's (or the message names it).</param>
/// <param name="Message">What is wrong.</param>
public sealed record InputProblem(string File, long Line, long Byte, string? Path, string? Field, string Message)
{
    /// <summary>A problem with the file as a whole.</summary>
    public static InputProblem InFile(string file, string message) => new(file, 0, 0, null, null, message);

    /// <summary>A problem on a line, in a column when <paramref name="field"/> is given.</summary>
    public static InputProblem AtLine(string file, long line, string message, string? field = null) => new(file, line, 0, null, field, message);

    /// <summary>A problem at a JSON path.</summary>
    public static InputProblem AtPath(string file, string path, string message) => new(file, 0, 0, path, null, message);

    /// <summary>Text that is not JSON, at the line and byte where the parser stopped (both 1-based).</summary>
    public static InputProblem InvalidJson(string file, long line, long @byte, string message) => new(file, line, @byte, null, null, message);

    /// <summary>Where the problem is, as a JSON file's problems are keyed (the HTTP 400 body's <c>errors</c>): the JSON
    /// path, or <c>line N, byte M</c> for text that is not JSON, or <c>line N</c>.</summary>
    public string Location =>
        Path ?? (Byte > 0 ? $"line {Line.ToString(CultureInfo.InvariantCulture)}, byte {Byte.ToString(CultureInfo.InvariantCulture)}"
            : Line > 0 ? $"line {Line.ToString(CultureInfo.InvariantCulture)}" : "$");

    public override string ToString() =>
        Path is not null || Byte > 0 ? $"{File}: {Location}: {Message}"
        : Line == 0 ? $"{File}: {Message}"
        : Field is null ? $"{File}:{Line.ToString(CultureInfo.InvariantCulture)}: {Message}"
        : $"{File}:{Line.ToString(CultureInfo.InvariantCulture)}: column '{Field}': {Message}";
}
