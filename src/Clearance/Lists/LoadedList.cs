using Clearance.Input;
using Clearance.Screening;

namespace Clearance.Lists;

/// <summary>The entries read from one list file (or OFAC folder) and the rows that could not be used.</summary>
/// <param name="Path">The file or folder read.</param>
/// <param name="Format">What it was read as.</param>
/// <param name="Version">Names the file, its date when known and a content hash; every entry carries it.</param>
/// <param name="Sha256">SHA-256 of the content, hex.</param>
/// <param name="Entries">The usable entries.</param>
/// <param name="Problems">The rows that could not be used, each with its line.</param>
public sealed record LoadedList(string Path, ListFormat Format, string Version, string Sha256, IReadOnlyList<ListEntry> Entries,
    IReadOnlyList<InputProblem> Problems);
