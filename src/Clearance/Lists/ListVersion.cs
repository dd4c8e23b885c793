namespace Clearance.Lists;

/// <summary>An imported list file, kept whole so every instance can rebuild its screening index from the database alone.
/// The newest version of each <see cref="Source"/> is screened; the highest id overall is the database's current
/// generation, which every instance follows (never deleted).</summary>
public sealed class ListVersion
{
    public long Id { get; private set; }

    /// <summary>Which list this is a version of: a newer version of the same source replaces it.</summary>
    public required string Source { get; init; }

    public required string FileName { get; init; }

    /// <summary>Stored under its wire name (<c>csl-csv</c>); rows written before that hold the member name (<c>CslCsv</c>)
    /// and read the same.</summary>
    public required ListFormat Format { get; init; }

    /// <summary>SHA-256 of <see cref="Content"/>, lower-case hex.</summary>
    public required string Sha256 { get; init; }

    /// <summary>The version label every entry carries (file name and hash).</summary>
    public required string Label { get; set; }

    public required byte[] Content { get; init; }

    public required int EntryCount { get; init; }

    /// <summary>Rows that could not be used.</summary>
    public required int ProblemCount { get; init; }

    public required string ImportedBy { get; init; }

    public required DateTime ImportedAt { get; init; }

    public required int EntriesAdded { get; init; }

    public required int EntriesChanged { get; init; }

    public required int EntriesRemoved { get; init; }

    public int PartiesRescreened { get; set; }

    public int OrdersRescreened { get; set; }

    public int AlertsRaised { get; set; }

    /// <summary>Open alerts closed because this version removed or changed the entry version they were raised on.</summary>
    public int AlertsSuperseded { get; set; }

    /// <summary><see cref="ListVersionStatus"/>: effective, pending (forced, awaiting a second person) or approved.</summary>
    public string Status { get; set; } = ListVersionStatus.Effective;

    /// <summary>The uploader's reason for forcing a version past the removal or format guard.</summary>
    public string? ForceReason { get; init; }

    /// <summary>Who approved the forced version (never its uploader), and when.</summary>
    public string? ApprovedBy { get; set; }

    public DateTime? ApprovedAt { get; set; }

    /// <summary>On the effective version an approval created: the pending version it puts into effect.</summary>
    public long? ApprovedVersionId { get; init; }
}
