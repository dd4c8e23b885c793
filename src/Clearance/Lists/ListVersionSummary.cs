namespace Clearance.Lists;

/// <summary>A stored list version without its content.</summary>
public sealed record ListVersionSummary(long Id, string Source, string FileName, ListFormat Format, string Sha256, string Label,
    int EntryCount, int ProblemCount, string ImportedBy, DateTime ImportedAt, int EntriesAdded, int EntriesChanged,
    int EntriesRemoved, int PartiesRescreened, int OrdersRescreened, int AlertsRaised, int AlertsSuperseded,
    string Status, string? ForceReason, string? ApprovedBy, DateTime? ApprovedAt, long? ApprovedVersionId);
