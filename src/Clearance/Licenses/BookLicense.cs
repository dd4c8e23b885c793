using Clearance.Parties;

namespace Clearance.Licenses;

/// <summary>One license as the matcher sees it: its terms, its approved parties' keys and what is left on each line.
/// The matcher draws the amounts down as it covers lines, so orders matched in turn each reserve what they cover.</summary>
public sealed class BookLicense
{
    public BookLicense(LicenseTerms terms, IReadOnlyList<(long Quantity, decimal Value)> left, bool revoked = false)
    {
        Terms = terms;
        Revoked = revoked;
        QuantityLeft = [.. left.Select(l => l.Quantity)];
        ValueLeft = [.. left.Select(l => l.Value)];
        PartyKeys = PartyKeysOf(terms);
    }

    public LicenseTerms Terms { get; }

    public bool Revoked { get; }

    /// <summary>Per line: units not yet reserved or shipped.</summary>
    public long[] QuantityLeft { get; }

    /// <summary>Per line: value not yet reserved or shipped.</summary>
    public decimal[] ValueLeft { get; }

    /// <summary><see cref="ScreeningSubject.NameKey"/> of every approved party.</summary>
    public IReadOnlySet<string> PartyKeys { get; }

    /// <summary><see cref="ScreeningSubject.NameKey"/> of every party <paramref name="terms"/> approve.</summary>
    public static IReadOnlySet<string> PartyKeysOf(LicenseTerms terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        return terms.Parties.Select(p => ScreeningSubject.NameKey(p.Name, p.Country)).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>A license with nothing used.</summary>
    public static BookLicense Unused(LicenseTerms terms) => new(terms, [.. terms.Lines.Select(l => (l.Quantity, l.Value))]);
}
