namespace Clearance.Rules.Licensing.Data;

/// <summary>How the figures of a letter's criterion combine: one reaching its threshold suffices, or all must.</summary>
enum FigureCombination
{
    /// <summary>Any one figure at or above its threshold meets the criterion.</summary>
    Any,

    /// <summary>Every figure must be at or above its threshold.</summary>
    All,
}
