namespace Clearance.Screening;

/// <summary>The script a token was written in, which decides how its transliteration is compared.</summary>
public enum TokenScript
{
    /// <summary>Latin (or a script whose letters were mapped to Latin look-alikes).</summary>
    Latin,

    /// <summary>Han characters, transliterated to toneless pinyin.</summary>
    Han,

    /// <summary>Hangul, transliterated by Revised Romanization.</summary>
    Hangul,

    /// <summary>Arabic, Hebrew or Syriac: written without most vowels, so compared by consonant skeleton.</summary>
    Abjad,

    /// <summary>Any other script (Cyrillic, Greek, Thai, kana …), transliterated.</summary>
    Other,
}
