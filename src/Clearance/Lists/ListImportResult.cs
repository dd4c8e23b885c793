namespace Clearance.Lists;

public enum ListImportResult
{
    Imported,
    Invalid,
    Unchanged,

    /// <summary>It would remove too many entries in use or change the source's format, and was not forced.</summary>
    Refused,

    /// <summary>Forced past the guard: stored, waiting for a second person's approval.</summary>
    Pending,
}
