namespace Clearance.Screening;

/// <summary>A name after <see cref="NameNormalizer"/>: tokens with their kinds, and derived keys.</summary>
public sealed class NormalizedName
{
    /// <summary>Creates a normalised name from its tokens.</summary>
    public NormalizedName(IReadOnlyList<NameToken> tokens)
    {
        Tokens = tokens;
        Full = string.Join(' ', tokens.Select(t => t.Text));
        var core = tokens.Where(t => t.Kind is TokenKind.Name or TokenKind.Generic or TokenKind.Location).Select(t => t.Text).ToArray();
        Compact = string.Concat(core.Length > 0 ? core : tokens.Select(t => t.Text));
        var initials = tokens.Where(t => t.Kind is TokenKind.Name or TokenKind.Generic or TokenKind.Location).ToArray();
        Acronym = initials.Length >= 2 ? string.Concat(initials.Select(t => t.Text[0])) : "";
        var withLegal = tokens.Where(t => t.Kind != TokenKind.Stop).ToArray();
        LongAcronym = withLegal.Length >= 3 && withLegal.Length > initials.Length ? string.Concat(withLegal.Select(t => t.Text[0])) : "";
        HanWritten = string.Concat(tokens.Where(t => t.Script == TokenScript.Han && t.Written is not null).Select(t => t.Written));
    }

    /// <summary>The tokens in written order.</summary>
    public IReadOnlyList<NameToken> Tokens { get; }

    /// <summary>All tokens joined by single spaces; equal <see cref="Full"/> forms are an exact name match.</summary>
    public string Full { get; }

    /// <summary>The tokens other than legal forms and stopwords, joined without spaces ("Hik Vision" = "HIKVISION").</summary>
    public string Compact { get; }

    /// <summary>Initials of the distinctive tokens when there are two or more, else empty.</summary>
    public string Acronym { get; }

    /// <summary>Initials including legal forms ("SMIC" for Semiconductor Manufacturing International Corporation), or empty.</summary>
    public string LongAcronym { get; }

    /// <summary>The Han characters of the name as written (homophones share pinyin but are different names).</summary>
    public string HanWritten { get; }

    /// <summary>True when the name has no token.</summary>
    public bool IsEmpty => Tokens.Count == 0;

    /// <inheritdoc />
    public override string ToString() => Full;
}
