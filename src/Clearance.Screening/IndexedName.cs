namespace Clearance.Screening;

/// <summary>One name of one entry as the index holds it: a value in the index's array, not an object of its own.</summary>
/// <param name="Entry">Position of the entry in <see cref="ScreeningIndex.Entries"/>.</param>
/// <param name="Written">The name as the list writes it.</param>
/// <param name="Normalized">Its normalised form.</param>
/// <param name="Derived">How the name was derived from the listed one, or empty when listed as is.</param>
public readonly record struct IndexedName(int Entry, string Written, NormalizedName Normalized, string Derived);
