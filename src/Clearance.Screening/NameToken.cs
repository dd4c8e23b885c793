namespace Clearance.Screening;

/// <summary>One normalised token of a name.</summary>
/// <param name="Text">Lower-case ASCII form, with abbreviations expanded to their canonical word.</param>
/// <param name="Kind">What the token is, which sets its weight.</param>
/// <param name="Script">The script it was written in before transliteration.</param>
public readonly record struct NameToken(string Text, TokenKind Kind, TokenScript Script);
