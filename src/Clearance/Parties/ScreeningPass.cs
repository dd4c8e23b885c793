using Clearance.Screening;

namespace Clearance.Parties;

/// <summary>
/// A re-screening of the whole customer master, recorded so that it survives a restart: after a list version (against
/// the entries it added or changed) or after a new screening build (against every entry). Parties are screened in
/// ascending id; <see cref="LastPartyId"/> is the last one whose result is committed, so a pass resumes after it.
/// Held orders are screened first (<see cref="LastOrderId"/>, <see cref="OrdersDone"/>). Never deleted.
/// </summary>
public sealed class ScreeningPass
{
    public const string Delta = "delta";
    public const string Full = "full";

    public long Id { get; private set; }

    /// <summary><see cref="Delta"/> (a list version's new and changed entries) or <see cref="Full"/> (every entry).</summary>
    public required string Kind { get; init; }

    /// <summary>Why the pass runs, for the people reading the progress and the audit event.</summary>
    public required string Reason { get; init; }

    /// <summary>The list version whose delta this pass screens (<see cref="Delta"/> passes).</summary>
    public long? ListVersionId { get; init; }

    /// <summary>The entries the list version added or changed, as <see cref="DeltaKey"/> writes them (<see cref="Delta"/>
    /// passes), so that a pass resumed by a process that did not import the version screens against the same entries.</summary>
    public List<string> DeltaEntries { get; init; } = [];

    /// <summary>An entry of a delta: its list and its id in it.</summary>
    public static string DeltaKey(ListEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.List + "\n" + entry.Id;
    }

    /// <summary>The screening build that created the pass (<see cref="ScreeningBuild.Current"/>).</summary>
    public required string Build { get; init; }

    public required DateTime StartedAt { get; init; }

    /// <summary>Parties in the master when the pass started (its progress is <see cref="PartiesScreened"/> of these).</summary>
    public int PartiesTotal { get; init; }

    /// <summary>True once the pass screens against every entry: a <see cref="Full"/> pass, or a delta pass without
    /// <see cref="DeltaEntries"/> (recorded before they were) resumed by a process that does not hold the delta (every
    /// entry covers the delta; alerts already raised are not raised again).</summary>
    public bool EveryEntry { get; set; }

    /// <summary>The process running the pass and when it last committed a batch; another process takes the pass over
    /// when this is older than <see cref="ScreeningPasses.Lease"/>.</summary>
    public string? Owner { get; set; }

    public DateTime? HeartbeatAt { get; set; }

    public long LastOrderId { get; set; }

    public bool OrdersDone { get; set; }

    public long LastPartyId { get; set; }

    public int PartiesScreened { get; set; }

    public int OrdersScreened { get; set; }

    public int AlertsRaised { get; set; }

    /// <summary>How often a run of this pass stopped on an error (it is resumed from its last committed batch).</summary>
    public int Failures { get; set; }

    public string? LastError { get; set; }

    public DateTime? FinishedAt { get; set; }

    /// <summary>When a later full pass made this one unnecessary before it finished: that pass's id.</summary>
    public long? SupersededBy { get; set; }
}
