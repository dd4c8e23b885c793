namespace Clearance.Screening;

/// <summary>Per-code-point folding tables: NFKC + transliteration to lower-case ASCII, and Latin confusables.</summary>
/// <remarks>
/// The runtime uses invariant globalization, where <see cref="string.Normalize()"/> is unavailable, so NFKC and the
/// transliteration were applied per code point at development time (tools/screening-tables/generate.cs).
/// </remarks>
static class CharFolding
{
    static readonly string[] Pool;
    static readonly ushort[] FoldTable;
    static readonly ushort[] ConfusableTable;

    static CharFolding()
    {
        using var stream = typeof(CharFolding).Assembly.GetManifestResourceStream("Clearance.Screening.fold.bin")
            ?? throw new InvalidOperationException("The embedded folding table is missing from Clearance.Screening.");
        using var reader = new BinaryReader(stream);
        if (reader.ReadInt32() != 0x444C4F46)
        {
            throw new InvalidOperationException("The embedded folding table has the wrong format.");
        }

        var count = reader.ReadInt32();
        Pool = new string[count];
        for (var i = 0; i < count; i++)
        {
            Pool[i] = reader.ReadString();
        }

        FoldTable = new ushort[0x10000];
        for (var i = 0; i < FoldTable.Length; i++)
        {
            FoldTable[i] = reader.ReadUInt16();
        }

        ConfusableTable = new ushort[0x10000];
        for (var i = 0; i < ConfusableTable.Length; i++)
        {
            ConfusableTable[i] = reader.ReadUInt16();
        }
    }

    /// <summary>Lower-case ASCII for a BMP code point (empty when it has none, e.g. combining marks).</summary>
    public static string Fold(char c) => Pool[FoldTable[c]];

    /// <summary>The Latin letters a non-ASCII character is confusable with, or empty.</summary>
    public static string Confusable(char c) => Pool[ConfusableTable[c]];

    /// <summary>How many distinct foldings the table holds.</summary>
    public static int Foldings => Pool.Length;

    public static bool IsHan(int c) =>
        c is (>= 0x3400 and <= 0x4DBF) or (>= 0x4E00 and <= 0x9FFF) or (>= 0xF900 and <= 0xFAFF);

    public static bool IsHangul(int c) => c is >= 0xAC00 and <= 0xD7A3;

    /// <summary>Scripts whose transliteration drops or guesses vowels (Hebrew, Arabic, Syriac, Thai): compared by consonant skeleton.</summary>
    public static bool IsAbjad(int c) => c is (>= 0x0E00 and <= 0x0E7F) or (>= 0x0590 and <= 0x05FF) or (>= 0x0600 and <= 0x06FF) or (>= 0x0750 and <= 0x077F)
        or (>= 0x08A0 and <= 0x08FF) or (>= 0xFB1D and <= 0xFDFF) or (>= 0xFE70 and <= 0xFEFF) or (>= 0x0700 and <= 0x074F);
}
