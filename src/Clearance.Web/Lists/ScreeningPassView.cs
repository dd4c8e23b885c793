using Clearance.Parties;

namespace Clearance.Web.Lists;

/// <summary>A re-screening pass as <c>GET /api/lists/current</c> shows it.</summary>
/// <param name="Id">The pass.</param>
/// <param name="Kind">delta (a list version's new and changed entries) or full (every entry, after a new screening build).</param>
/// <param name="Reason">Why it runs.</param>
/// <param name="ListVersionId">The list version a delta pass screens.</param>
/// <param name="Build">The screening build that started it.</param>
/// <param name="StartedAt">When it was recorded.</param>
/// <param name="PartiesTotal">Parties in the master when the pass began.</param>
/// <param name="PartiesScreened">Parties whose result is committed; <paramref name="LastPartyId"/> is the last of them.</param>
/// <param name="LastPartyId">The pass resumes after this party id.</param>
/// <param name="OrdersDone">The held orders (screened first) are done.</param>
/// <param name="OrdersScreened">Held orders screened.</param>
/// <param name="AlertsRaised">Alerts the pass raised so far.</param>
/// <param name="EveryEntry">Screened against every entry (a full pass, or a delta pass resumed without its delta).</param>
/// <param name="Failures">Runs that stopped on an error, <paramref name="LastError"/> the last one's; the pass resumes.</param>
/// <param name="LastError">The last error's message.</param>
/// <param name="HeartbeatAt">When the running process last committed a batch.</param>
/// <param name="FinishedAt">When it finished; null while it runs.</param>
/// <param name="SupersededBy">A later full pass that made this one unnecessary.</param>
public sealed record ScreeningPassView(long Id, string Kind, string Reason, long? ListVersionId, string Build, DateTime StartedAt,
    int PartiesTotal, int PartiesScreened, long LastPartyId, bool OrdersDone, int OrdersScreened, int AlertsRaised, bool EveryEntry,
    int Failures, string? LastError, DateTime? HeartbeatAt, DateTime? FinishedAt, long? SupersededBy)
{
    public static ScreeningPassView Of(ScreeningPass p) => new(p.Id, p.Kind, p.Reason, p.ListVersionId, p.Build, p.StartedAt,
        p.PartiesTotal, p.PartiesScreened, p.LastPartyId, p.OrdersDone, p.OrdersScreened, p.AlertsRaised, p.EveryEntry,
        p.Failures, p.LastError, p.HeartbeatAt, p.FinishedAt, p.SupersededBy);
}
