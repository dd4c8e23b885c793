namespace Clearance.Lists;

/// <summary>A list screened against and the date its content is current on (null when not known).</summary>
/// <param name="Version">The list's version label (file, folder with its date, content hash).</param>
/// <param name="AsOf">The snapshot's date: a shipped snapshot's own, a download's or an import's day.</param>
public sealed record ListDate(string Version, DateOnly? AsOf);
