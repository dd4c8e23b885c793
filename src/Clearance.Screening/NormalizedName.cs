namespace Clearance.Screening;

/// <summary>A name after <see cref="NameNormalizer"/>: tokens with their kinds, and derived keys.</summary>
public sealed class NormalizedName
{
    /// <summary>Creates a normalised name from its tokens.</summary>
    public NormalizedName(IReadOnlyList<NameToken> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        Tokens = tokens;

        // Every query builds one or more of these: plain loops instead of LINQ, one allocation per derived string.
        int core = 0, withLegal = 0, fullLength = 0, coreLength = 0, hanLength = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            fullLength += token.Text.Length;
            if (IsCore(token.Kind))
            {
                core++;
                coreLength += token.Text.Length;
            }

            if (token.Kind != TokenKind.Stop)
            {
                withLegal++;
            }

            if (token.Script == TokenScript.Han && token.Written is not null)
            {
                hanLength += token.Written.Length;
            }
        }

        Full = tokens.Count == 0 ? "" : string.Create(fullLength + tokens.Count - 1, tokens, static (span, all) =>
        {
            var at = 0;
            for (var i = 0; i < all.Count; i++)
            {
                if (i > 0)
                {
                    span[at++] = ' ';
                }

                all[i].Text.CopyTo(span[at..]);
                at += all[i].Text.Length;
            }
        });
        Compact = core > 0 ? string.Create(coreLength, tokens, static (span, all) => Concat(span, all, coreOnly: true))
            : fullLength == 0 ? "" : string.Create(fullLength, tokens, static (span, all) => Concat(span, all, coreOnly: false));
        Acronym = core >= 2 ? string.Create(core, tokens, static (span, all) => Initials(span, all, coreOnly: true)) : "";
        LongAcronym = withLegal >= 3 && withLegal > core
            ? string.Create(withLegal, tokens, static (span, all) => Initials(span, all, coreOnly: false))
            : "";
        HanWritten = hanLength == 0 ? "" : string.Create(hanLength, tokens, static (span, all) =>
        {
            var at = 0;
            for (var i = 0; i < all.Count; i++)
            {
                var token = all[i];
                if (token.Script == TokenScript.Han && token.Written is not null)
                {
                    token.Written.CopyTo(span[at..]);
                    at += token.Written.Length;
                }
            }
        });
    }

    static bool IsCore(TokenKind kind) => kind is TokenKind.Name or TokenKind.Generic or TokenKind.Location;

    static void Concat(Span<char> span, IReadOnlyList<NameToken> tokens, bool coreOnly)
    {
        var at = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (!coreOnly || IsCore(token.Kind))
            {
                token.Text.CopyTo(span[at..]);
                at += token.Text.Length;
            }
        }
    }

    /// <summary>First letters of the core tokens, or of all tokens other than stopwords.</summary>
    static void Initials(Span<char> span, IReadOnlyList<NameToken> tokens, bool coreOnly)
    {
        var at = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (coreOnly ? IsCore(token.Kind) : token.Kind != TokenKind.Stop)
            {
                span[at++] = token.Text[0];
            }
        }
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

    /// <summary>How this reading was derived from the name as written, for explanations; empty for the written form.</summary>
    public string Derivation { get; init; } = "";

    /// <inheritdoc />
    public override string ToString() => Full;
}
