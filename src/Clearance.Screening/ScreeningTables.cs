namespace Clearance.Screening;

/// <summary>The reference tables screening reads, each loaded on its first use: a service loads them all as it starts.</summary>
/// <remarks>
/// Loaded on first use, a table costs whoever first needs it: the Japanese readings of Han took about 100 ms and 23 MB of
/// allocation the first time a name in Han was compared with one in Latin letters. In a service that is the first order
/// naming a party in Han, which waits for it (bench/README.md, "Orders behind an import: the start's long-lived data and
/// the tables screening loads on first use").
/// </remarks>
public static class ScreeningTables
{
    /// <summary>Loads every table screening reads on first use, and says how large each is.</summary>
    public static ScreeningTableSizes Load() => new(
        CharFolding.Foldings,
        CjkReadings.Characters,
        HanMeaning.WordCount,
        Lexicon.Entries,
        GivenNames.Count,
        NameNormalizer.KoreanSurnameCount);
}

/// <summary>The sizes of the tables <see cref="ScreeningTables.Load"/> loaded.</summary>
/// <param name="Foldings">Distinct foldings of code points to Latin letters.</param>
/// <param name="HanReadings">Han characters with Korean and Japanese readings.</param>
/// <param name="HanWords">Words of the Chinese–English lexicon of institutional and company vocabulary.</param>
/// <param name="LexiconEntries">Entries of the tables of legal forms, generic and place words, phrases and pinyin.</param>
/// <param name="GivenNames">Given names in a group of variants.</param>
/// <param name="KoreanSurnames">Korean surnames with their romanisations.</param>
public sealed record ScreeningTableSizes(int Foldings, int HanReadings, int HanWords, int LexiconEntries, int GivenNames, int KoreanSurnames);
