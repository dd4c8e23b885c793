namespace Clearance.Screening;

/// <summary>One normalised token of a name.</summary>
/// <param name="Text">Lower-case ASCII form, with abbreviations expanded to their canonical word.</param>
/// <param name="Kind">What the token is, which sets its weight.</param>
/// <param name="Script">The script it was written in before transliteration.</param>
/// <param name="Written">For Han and Hangul tokens the characters as written (homophones differ there), else null.</param>
public readonly record struct NameToken(string Text, TokenKind Kind, TokenScript Script, string? Written = null)
{
    /// <summary>The given-name equivalence group of <see cref="Text"/> (Bill = William), or -1.</summary>
    internal int NameGroup { get; init; } = GivenNames.Group(Text);

    /// <summary>True when <see cref="Text"/> contains a digit (numbers only ever match exactly).</summary>
    internal bool HasDigit { get; init; } = Text.AsSpan().IndexOfAnyInRange('0', '9') >= 0;
}
