namespace Clearance.Parties;

/// <summary>
/// What one committed batch of a re-screening pass screened: the parties with ids after <see cref="AfterPartyId"/> up to
/// and including <see cref="LastPartyId"/>, at <see cref="ScreenedAt"/>, against the lists of
/// <see cref="ListVersionHash"/>. A pass records its batches here instead of rewriting every party row, so a million
/// parties cost a few hundred rows per pass; a party's own screening (creation, change) stays on the party, and the
/// later of the two is when the party was last screened (<see cref="PartyWorkflow.WithLastScreeningAsync"/>). The batches of a
/// pass are deleted once a pass started after it finished has finished (<see cref="ScreeningPasses"/>): a later batch
/// then covers every party they covered.
/// </summary>
public sealed class ScreeningStamp
{
    public long Id { get; private set; }

    /// <summary>The pass (<see cref="ScreeningPass.Id"/>).</summary>
    public required long PassId { get; init; }

    /// <summary>The pass's cursor before the batch: the batch's parties have greater ids.</summary>
    public required long AfterPartyId { get; init; }

    /// <summary>The batch's last party.</summary>
    public required long LastPartyId { get; init; }

    public required DateTime ScreenedAt { get; init; }

    public required string ListVersionHash { get; init; }
}
