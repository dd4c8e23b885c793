using System.Text.Json.Serialization;
using Clearance.Lists;

namespace Clearance.Web.Lists;

/// <summary>A stored list version with its counts, age and the re-screening it caused.</summary>
/// <param name="Id">The service's number for the version.</param>
/// <param name="Source">Which list it replaces: csl, ofac-sdn, dpl, custom, or a name given on upload.</param>
/// <param name="FileName">The uploaded file's name.</param>
/// <param name="Format">The file format recognised.</param>
/// <param name="Sha256">The content hash.</param>
/// <param name="Label">The list's own version label.</param>
/// <param name="Entries">Entries read.</param>
/// <param name="Problems">Rows that could not be read.</param>
/// <param name="ImportedBy">Who uploaded it.</param>
/// <param name="ImportedAt">When, UTC.</param>
/// <param name="AgeSeconds">Seconds since the import.</param>
/// <param name="Status">effective, pending or approved.</param>
/// <param name="ForceReason">Why a forced upload must replace the list in use.</param>
/// <param name="ApprovedBy">Who approved a forced upload.</param>
/// <param name="ApprovedAt">When, UTC.</param>
/// <param name="ApprovedVersionId">The version the approval put into effect.</param>
/// <param name="Delta">What changed against the version in use and the re-screening it caused.</param>
/// <param name="PendingBecause">For a forced upload stored as pending: why it needs approval.</param>
/// <param name="EntriesRemovedByList">For a pending upload: entries it removes, per list.</param>
/// <param name="FirstEntriesRemoved">For a pending upload: the first entries it removes, by name.</param>
public sealed record ListVersionView(
    long Id, string Source, string FileName, ListFormat Format, string Sha256, string Label, int Entries, int Problems, string ImportedBy, DateTime ImportedAt,
    long AgeSeconds, string Status, string? ForceReason, string? ApprovedBy, DateTime? ApprovedAt, long? ApprovedVersionId, ListDeltaView Delta,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? PendingBecause = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, int>? EntriesRemovedByList = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? FirstEntriesRemoved = null)
{
    public static ListVersionView Of(ListVersionSummary v, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(v);
        return new(v.Id, v.Source, v.FileName, v.Format, v.Sha256, v.Label, v.EntryCount, v.ProblemCount, v.ImportedBy, v.ImportedAt,
            (long)(now - v.ImportedAt).TotalSeconds, v.Status, v.ForceReason, v.ApprovedBy, v.ApprovedAt, v.ApprovedVersionId,
            new ListDeltaView(v.EntriesAdded, v.EntriesChanged, v.EntriesRemoved, v.PartiesRescreened, v.OrdersRescreened, v.AlertsRaised, v.AlertsSuperseded));
    }
}

/// <param name="EntriesAdded">Entries new in this version.</param>
/// <param name="EntriesChanged">Entries changed.</param>
/// <param name="EntriesRemoved">Entries gone.</param>
/// <param name="PartiesRescreened">Parties screened again against the new and changed entries.</param>
/// <param name="OrdersRescreened">Held orders screened again.</param>
/// <param name="AlertsRaised">Alerts raised.</param>
/// <param name="AlertsSuperseded">Open alerts whose entry is gone or changed.</param>
public sealed record ListDeltaView(
    int EntriesAdded, int EntriesChanged, int EntriesRemoved, int PartiesRescreened, int OrdersRescreened, int AlertsRaised, int AlertsSuperseded);

/// <summary>The upload is the version already in use: nothing was stored.</summary>
/// <param name="Unchanged">Always true.</param>
/// <param name="Detail">Which version it is.</param>
public sealed record ListUnchangedView(bool Unchanged, string? Detail);

/// <summary>What this instance screens against now.</summary>
/// <param name="Generation">The database generation this instance's lists were built from.</param>
/// <param name="DatabaseGeneration">The database's current generation (higher while this instance catches up).</param>
/// <param name="ListVersionHash">The hash of the list versions in use.</param>
/// <param name="Rescreening">Re-screening passes still running.</param>
/// <param name="LastRescreen">The last pass finished; null before the first.</param>
/// <param name="Lists">The lists in use.</param>
public sealed record CurrentListsView(
    long Generation, long DatabaseGeneration, string ListVersionHash, IReadOnlyList<ScreeningPassView> Rescreening, ScreeningPassView? LastRescreen,
    IReadOnlyList<ListInUseView> Lists);

/// <param name="Source">csl, ofac-sdn, dpl, custom or an uploaded name.</param>
/// <param name="Version">The list's version.</param>
/// <param name="Format">The file format it was read from.</param>
/// <param name="Sha256">The content hash.</param>
/// <param name="Entries">How many entries it has.</param>
/// <param name="AsOf">The list's date, when known.</param>
public sealed record ListInUseView(string Source, string Version, ListFormat Format, string Sha256, int Entries, string? AsOf);
