using System.Globalization;

namespace Clearance;

/// <summary>The one rule for text the service stores or filters on: no control characters (PostgreSQL cannot store a
/// NUL in text at all, and the others hide in names and identifiers); line breaks and tabs only where
/// <c>allowLineBreaks</c> says so (reasons, addresses).</summary>
public static class FreeText
{
    /// <summary>The problem with <paramref name="text"/>, or null when it has no control character.</summary>
    public static string? ControlCharacterProblem(string? text, bool allowLineBreaks = false)
    {
        if (text is null)
        {
            return null;
        }

        foreach (var c in text)
        {
            if (char.IsControl(c) && !(allowLineBreaks && c is '\n' or '\r' or '\t'))
            {
                return $"contains the control character U+{((int)c).ToString("X4", CultureInfo.InvariantCulture)}";
            }
        }

        return null;
    }
}
