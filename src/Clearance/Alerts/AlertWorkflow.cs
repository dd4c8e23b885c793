using System.Globalization;
using Clearance.Audit;
using Clearance.Data;
using Clearance.Lists;
using Clearance.Orders;
using Clearance.Parties;
using Clearance.Rules;
using Clearance.Rules.Licensing;
using Clearance.Screening;
using Microsoft.EntityFrameworkCore;

namespace Clearance.Alerts;

/// <summary>
/// Turns screening hits into alerts and records officers' dispositions.
/// An alert is raised once per party, list entry version (<see cref="EntryFingerprint"/>) and party subject
/// (<see cref="ScreeningSubject"/>): re-screening an unchanged party against an unchanged entry raises nothing new,
/// whatever the first alert's state, so a false positive stays dispositioned until the entry or the party's name,
/// aliases or country change. An order's party is known by its name and country: an entry version dispositioned false
/// positive for that subject is not raised again on a later order, and a true match for that name and country holds
/// every later order naming the party.
/// </summary>
public sealed class AlertWorkflow(ClearanceDbContext db, AuditLog audit, ScreeningLists lists, OrderPipeline pipeline, TimeProvider clock)
{
    public const int MaximumListed = 1000;
    const int CandidatesPerName = ListScreener.Candidates;
    const int MaximumExplanationLength = 4000;

    /// <summary>Screens a party (tracked, perhaps not yet saved) against <paramref name="index"/> (the snapshot's whole
    /// index when null) of <paramref name="snapshot"/> (this instance's current one when null) and adds an alert per new
    /// hit to the context; the caller saves, audits and commits.</summary>
    /// <remarks>Each owner is screened like the party's own names, under its own subject (its name and country, as an
    /// order's owner is): an owner's hit is an alert on the party, with the role <see cref="Alert.OwnerRole"/>, so a
    /// listed owner shows as a finding on the party, and a false positive on it holds until that owner changes.</remarks>
    public async Task<IReadOnlyList<Alert>> ScreenPartyAsync(Party party, ListSnapshot? snapshot, ScreeningIndex? index, CancellationToken ct)
    {
        snapshot ??= lists.Current;
        var subjects = PartyHits(party.Name, party.Aliases, party.Country, party.Address, party.SubjectKey, party.NameKey, party.Owners,
            index ?? snapshot.Index);
        party.ScreenedAt = AuditChain.Truncate(clock.GetUtcNow());
        party.ListVersionHash = snapshot.Hash;
        return await RaisePartyAlertsAsync(party, subjects, snapshot.Hash, ct);
    }

    /// <summary>A party's hits on <paramref name="index"/>, per screened subject: first the party itself (every name it
    /// trades under, best name per entry, best first), then each owner under its own subject. Pure computation, so a
    /// re-screening pass runs it outside any transaction.</summary>
    public static IReadOnlyList<PartySubjectHits> PartyHits(string name, IReadOnlyList<string> aliases, string? country, string? address,
        string subjectKey, string nameKey, IReadOnlyList<PartyOwner> owners, ScreeningIndex index)
    {
        var party = new PartySubjectHits(null, name, country, subjectKey, nameKey, Hits(name, aliases, country, address, index));
        if (owners.Count == 0)
        {
            return [party];
        }

        var subjects = new List<PartySubjectHits>(1 + owners.Count) { party };
        foreach (var owner in owners)
        {
            subjects.Add(new(Alert.OwnerRole, owner.Name, owner.Country, ScreeningSubject.Key(owner.Name, [], owner.Country),
                ScreeningSubject.NameKey(owner.Name, owner.Country), Hits(owner.Name, [], owner.Country, null, index)));
        }

        return subjects;
    }

    /// <summary>Adds an alert to the context for each hit of <paramref name="subjects"/> (from <see cref="PartyHits"/>)
    /// not already alerted for that subject of the party; the caller saves, audits and commits.</summary>
    public async Task<IReadOnlyList<Alert>> RaisePartyAlertsAsync(Party party, IReadOnlyList<PartySubjectHits> subjects, string listVersionHash,
        CancellationToken ct)
    {
        if (subjects.All(s => s.Hits.Count == 0))
        {
            return [];
        }

        var keys = subjects.Where(s => s.Hits.Count > 0).Select(s => s.SubjectKey).Distinct(StringComparer.Ordinal).ToList();
        var known = new HashSet<(string SubjectKey, string EntryHash)>();
        if (party.Id != 0)
        {
            known.UnionWith(await KnownAsync(party.Id, keys, ct));
        }

        var raised = new List<Alert>();
        foreach (var (role, name, country, subjectKey, nameKey, hits) in subjects)
        {
            foreach (var (match, screenedName) in hits)
            {
                var entryHash = EntryFingerprint.Of(match.Entry);
                if (known.Add((subjectKey, entryHash)))
                {
                    raised.Add(NewAlert(party, null, role, name, country, subjectKey, nameKey, match, screenedName, entryHash, listVersionHash));
                }
            }
        }

        db.Alerts.AddRange(raised);
        return raised;
    }

    /// <summary>The subjects and entries <paramref name="partyId"/> has alerts for, among <paramref name="keys"/>.</summary>
    async Task<List<(string SubjectKey, string EntryHash)>> KnownAsync(long partyId, List<string> keys, CancellationToken ct) =>
        (await db.Alerts.AsNoTracking()
            .Where(a => a.PartyId == partyId && keys.Contains(a.SubjectKey))
            .Select(a => new { a.SubjectKey, a.EntryHash })
            .ToListAsync(ct))
        .ConvertAll(a => (a.SubjectKey, a.EntryHash));

    /// <summary>
    /// Before a transaction that may raise alerts for <paramref name="party"/> (a re-screening pass's batch): runs the
    /// query <see cref="RaisePartyAlertsAsync"/> runs (so EF compiles it here) and builds what tracking an alert of the
    /// party needs, on an alert that is returned and never stored. Writes nothing.
    /// </summary>
    public async Task<Alert> PreparePartyAlertAsync(Party party, string listVersionHash, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(party);
        _ = await KnownAsync(party.Id, [party.SubjectKey], ct);
        var alert = new Alert
        {
            Source = Alert.PartySource,
            PartyId = party.Id,
            PartyName = party.Name,
            Country = party.Country,
            SubjectKey = party.SubjectKey,
            NameKey = party.NameKey,
            List = "",
            EntryId = "",
            EntryName = "",
            MatchedName = party.Name,
            Score = 0,
            Explanation = "",
            EntryHash = "",
            ListVersion = "",
            ListVersionHash = listVersionHash,
            Status = AlertStatus.Open,
            RaisedAt = AuditChain.Truncate(clock.GetUtcNow()),
        };
        db.PrepareTracking(alert);
        return alert;
    }

    /// <summary>
    /// Inside <see cref="OrderWorkflow.SubmitAsync"/>'s transaction, after the order is saved: an alert for each hit on
    /// the order's parties not already dispositioned false positive for that party, and a hold when a true match stands
    /// for one of its parties. Adds an audit event when it raised or held anything; the caller saves and commits.
    /// </summary>
    /// <remarks><paramref name="standing"/> holds the true matches for the parties of the orders committed together
    /// (<see cref="StandingTrueMatchesAsync"/>): one query per group commit instead of one per order.
    /// <paramref name="screened"/> are the names the evaluation screened, with their matches: the alerts are raised
    /// from them (and name the list version the decision records). Without them (an evaluation that screened
    /// nothing) the order's names are screened against this instance's current lists.</remarks>
    public async Task RaiseForOrderAsync(Order order, OrderInput input, Decision decision, IReadOnlyList<ScreenedParty> screened,
        StandingTrueMatches standing, CancellationToken ct)
    {
        var trueMatches = standing.For(input);
        // Owners have no row in the decision's screening: without the evaluation's matches, an order naming owners is
        // screened here so that an owner's hit is an alert too.
        var anyHit = screened.Count > 0
            ? screened.Any(s => s.Result.Matches.Any(m => m.Score >= ScreeningDefaults.Threshold))
            : decision.Screening.Any(s => s.Decision == ScreeningDecision.Hit) || input.Parties.Any(p => p.Owners.Count > 0);
        if (!anyHit && trueMatches.Count == 0)
        {
            return;
        }

        var raised = anyHit ? await AddOrderAlertsAsync(order, input, null, null, screened, ct) : [];
        var held = trueMatches.Count > 0 && order.Status != OrderStatus.Held;
        if (held)
        {
            order.Status = OrderStatus.Held;
        }

        if (raised.Count > 0 || held)
        {
            await audit.AppendAsync(
                new AuditEntry(order.SubmittedBy, OrderEvents.AlertsRaised, "order", order.Id.ToString(CultureInfo.InvariantCulture),
                    new { order.Reference, Raised = raised.Select(RaisedAlert.Of).ToList(), HeldForTrueMatches = trueMatches, Status = order.Status.Name() })
                {
                    ListVersionHash = lists.Current.Hash,
                },
                ct);
        }
    }

    /// <summary>Alerts for the order's party hits against <paramref name="index"/> (the whole index of
    /// <paramref name="snapshot"/>, or of this instance's current snapshot, when null),
    /// added to the context, skipping entry versions already alerted for this order or dispositioned false positive
    /// for the same party subject.</summary>
    public async Task<IReadOnlyList<Alert>> AddOrderAlertsAsync(Order order, ListSnapshot? snapshot, ScreeningIndex? index, CancellationToken ct)
    {
        var (input, _) = pipeline.Reader.ReadOne(order.OrderJson, "order " + order.Reference);
        return input is null ? [] : await AddOrderAlertsAsync(order, input, snapshot, index, [], ct);
    }

    /// <remarks>Names in <paramref name="screened"/> (the order's evaluation, against the list version the order
    /// records) are not screened again.</remarks>
    async Task<IReadOnlyList<Alert>> AddOrderAlertsAsync(Order order, OrderInput input, ListSnapshot? snapshot, ScreeningIndex? index,
        IReadOnlyList<ScreenedParty> screened, CancellationToken ct)
    {
        snapshot ??= lists.Current;
        var candidates = new List<Alert>();
        foreach (var party in input.Parties)
        {
            var role = WireNames.Name(party.Role);
            Add(role, party.Name, party.Country, party.Address);
            foreach (var owner in party.Owners)
            {
                Add(Alert.OrderOwnerRole(role), owner.Name, owner.Country, null);
            }
        }

        void Add(string role, string name, string? country, string? address)
        {
            var subject = ScreeningSubject.Key(name, [], country);
            var nameKey = ScreeningSubject.NameKey(name, country);
            var earlier = Earlier(screened, name, country, address);
            var (hits, listVersionHash) = earlier is not null && order.ListVersionHash is { } decided
                ? (Hits(earlier.Result.Matches.Select(m => (m, name))), decided)
                : (Hits(name, [], country, address, index ?? snapshot.Index), snapshot.Hash);
            foreach (var (match, screenedName) in hits)
            {
                candidates.Add(NewAlert(null, order, role, name, country, subject, nameKey, match, screenedName, EntryFingerprint.Of(match.Entry), listVersionHash));
            }
        }

        if (candidates.Count == 0)
        {
            return [];
        }

        var subjects = candidates.Select(c => c.SubjectKey).Distinct(StringComparer.Ordinal).ToList();
        var orderId = order.Id;
        var settled = await db.Alerts.AsNoTracking()
            .Where(a => subjects.Contains(a.SubjectKey) && (a.Status == AlertStatus.FalsePositive || a.OrderId == orderId))
            .Select(a => new { a.SubjectKey, a.EntryHash })
            .ToListAsync(ct);
        var skip = settled.Select(s => (s.SubjectKey, s.EntryHash)).ToHashSet();
        var raised = candidates.Where(c => skip.Add((c.SubjectKey, c.EntryHash))).ToList();
        db.Alerts.AddRange(raised);
        return raised;
    }

    /// <summary>
    /// New orders decided again where a hit of their evaluation is an entry version an officer already dispositioned
    /// false positive for that name and country: the decision says so instead of "not yet dispositioned", since no alert
    /// is raised for it (<see cref="AddOrderAlertsAsync(Order, ListSnapshot?, ScreeningIndex?, CancellationToken)"/> skips
    /// it), and a hold must always come with an open alert or a finding someone can act on. The order's decision,
    /// verdict and status are updated in place (before its <c>order.submitted</c> event is written); the others are
    /// returned unchanged. One query per group commit, and only when an order has a hit.
    /// </summary>
    public async Task<IReadOnlyList<NewOrder>> ApplyFalsePositivesAsync(IReadOnlyList<NewOrder> orders, CancellationToken ct)
    {
        static bool IsHit(ScreeningMatch match) => match.Score >= ScreeningDefaults.Threshold;
        var subjects = orders
            .SelectMany(o => o.Screened)
            .Where(s => s.Result.Matches.Any(IsHit))
            .Select(s => ScreeningSubject.Key(s.Name, [], s.Country))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (subjects.Count == 0)
        {
            return orders;
        }

        var found = await db.Alerts.AsNoTracking()
            .Where(a => a.Status == AlertStatus.FalsePositive && subjects.Contains(a.SubjectKey))
            .Select(a => new { a.SubjectKey, a.EntryHash })
            .ToListAsync(ct);
        if (found.Count == 0)
        {
            return orders;
        }

        var falsePositives = found.Select(f => (f.SubjectKey, f.EntryHash)).ToHashSet();
        bool IsFalsePositive(ScreenedParty party, ScreeningMatch match) =>
            falsePositives.Contains((ScreeningSubject.Key(party.Name, [], party.Country), EntryFingerprint.Of(match.Entry)));

        var result = new NewOrder[orders.Count];
        for (var i = 0; i < orders.Count; i++)
        {
            var (order, input, decision, screened) = orders[i];
            if (!screened.Any(s => s.Result.Matches.Any(m => IsHit(m) && IsFalsePositive(s, m))))
            {
                result[i] = orders[i];
                continue;
            }

            var redecided = pipeline.Redecide(input, decision, screened,
                (party, match) => IsFalsePositive(party, match) ? HitDisposition.FalsePositive : HitDisposition.Pending);
            order.DecisionJson = DecisionJson.Serialize(redecided, pipeline.Freshness(input.Date));
            order.Verdict = WireNames.Name(redecided.Verdict);
            order.Status = OrderStatusNames.For(redecided.Verdict);
            result[i] = orders[i] with { Decision = redecided };
        }

        return result;
    }

    /// <summary>The true matches standing for the parties (and owners) of new orders, by their names and countries, read at once for
    /// a group commit; a new order has no alerts of its own yet.</summary>
    /// <remarks>A true match stands while the lists screened now carry its entry: once a list version removes the entry
    /// (the party is delisted), it no longer holds orders; the alert keeps its disposition in the record.</remarks>
    public async Task<StandingTrueMatches> StandingTrueMatchesAsync(IEnumerable<OrderInput> inputs, CancellationToken ct)
    {
        var keys = inputs.SelectMany(ScreeningSubject.NameKeys).Distinct(StringComparer.Ordinal).ToList();
        var found = await db.Alerts.AsNoTracking()
            .Where(a => a.Status == AlertStatus.TrueMatch && keys.Contains(a.NameKey))
            .OrderBy(a => a.Id)
            .Select(a => new { a.NameKey, a.PartyName, a.List, a.EntryId, a.EntryName })
            .ToListAsync(ct);
        return new StandingTrueMatches([.. found.Where(f => Stands(f.List, f.EntryId)).Select(f => (f.NameKey, $"{f.PartyName}: {f.List} {f.EntryName}"))]);
    }

    /// <summary>The true matches standing for the order's parties and their owners (by name and country), as "name: list entry";
    /// as for <see cref="StandingTrueMatchesAsync"/>, only those whose entry the lists screened now still carry.</summary>
    /// <remarks><paramref name="input"/> is the stored order as the caller already read it.</remarks>
    public async Task<IReadOnlyList<string>> TrueMatchesAsync(Order order, OrderInput input, CancellationToken ct)
    {
        var keys = ScreeningSubject.NameKeys(input).Distinct(StringComparer.Ordinal).ToList();
        var orderId = order.Id;
        var found = await db.Alerts.AsNoTracking()
            .Where(a => a.Status == AlertStatus.TrueMatch && (keys.Contains(a.NameKey) || (orderId != 0 && a.OrderId == orderId)))
            .OrderBy(a => a.Id)
            .Select(a => new { a.PartyName, a.List, a.EntryId, a.EntryName })
            .ToListAsync(ct);
        return [.. found.Where(f => Stands(f.List, f.EntryId)).Select(f => $"{f.PartyName}: {f.List} {f.EntryName}").Distinct(StringComparer.Ordinal)];
    }

    public Task<Alert?> FindAsync(long id, CancellationToken ct) =>
        db.Alerts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);

    /// <summary>Newest first, at most <see cref="MaximumListed"/>.</summary>
    public async Task<IReadOnlyList<Alert>> ListAsync(AlertFilter filter, CancellationToken ct)
    {
        var query = db.Alerts.AsNoTracking();
        if (filter.Status is { } status)
        {
            query = query.Where(a => a.Status == status);
        }

        if (filter.PartyId is { } partyId)
        {
            query = query.Where(a => a.PartyId == partyId);
        }

        if (filter.OrderId is { } orderId)
        {
            query = query.Where(a => a.OrderId == orderId);
        }

        if (filter.List is { } list)
        {
            query = query.Where(a => a.List == list);
        }

        if (filter.Source is { } source)
        {
            query = query.Where(a => a.Source == source);
        }

        return await query.OrderByDescending(a => a.Id).Take(MaximumListed).ToListAsync(ct);
    }

    /// <summary>How many alerts are open, and when the oldest of them was raised.</summary>
    public async Task<(int Open, DateTime? OldestRaisedAt)> OpenSummaryAsync(CancellationToken ct)
    {
        var open = db.Alerts.AsNoTracking().Where(a => a.Status == AlertStatus.Open);
        var count = await open.CountAsync(ct);
        var oldest = count == 0 ? (DateTime?)null : await open.MinAsync(a => a.RaisedAt, ct);
        return (count, oldest);
    }

    /// <summary>Records an officer's finding on an open alert, with its audit event, in one transaction.</summary>
    public async Task<DispositionOutcome> DispositionAsync(string officer, long id, AlertStatus finding, string reason, CancellationToken ct)
    {
        if (finding is not (AlertStatus.TrueMatch or AlertStatus.FalsePositive))
        {
            throw new ArgumentOutOfRangeException(nameof(finding), "A disposition is true-match or false-positive.");
        }

        await using var transaction = await audit.BeginAsync(ct);
        var alert = await db.Alerts.SingleOrDefaultAsync(a => a.Id == id, ct);
        if (alert is null)
        {
            return new DispositionOutcome(DispositionResult.NotFound, null);
        }

        if (alert.Status != AlertStatus.Open)
        {
            return new DispositionOutcome(DispositionResult.AlreadyDispositioned, alert);
        }

        alert.Status = finding;
        alert.DispositionedBy = officer;
        alert.DispositionedAt = AuditChain.Truncate(clock.GetUtcNow());
        alert.DispositionReason = reason;
        await audit.AppendAsync(
            new AuditEntry(officer, "alert.dispositioned", "alert", alert.Id.ToString(CultureInfo.InvariantCulture),
                new { Disposition = finding.Name(), Reason = reason, alert.Source, alert.PartyId, alert.OrderId, alert.PartyName, alert.List, alert.EntryId, alert.EntryHash, alert.SubjectKey })
            {
                ListVersionHash = alert.ListVersionHash,
            },
            ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new DispositionOutcome(DispositionResult.Recorded, alert);
    }

    /// <summary>
    /// Inside a list import's transaction: closes as <see cref="AlertStatus.Superseded"/> every open alert on an entry
    /// version that <paramref name="supersession"/> supersedes (the source's replaced version listed the entry, the new
    /// version removed or changed it; the delta re-screening raises a new alert when the changed entry still matches),
    /// with an audit event each; the caller saves and commits. Dispositioned alerts stay as the officer left them.
    /// </summary>
    public async Task<int> SupersedeAsync(string actor, ListVersion version, Supersession supersession, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(supersession);
        var open = await OpenAlertsOn(supersession.Lists).ToListAsync(ct);
        var now = AuditChain.Truncate(clock.GetUtcNow());
        var closed = 0;
        foreach (var alert in open.Where(supersession.Supersedes))
        {
            await audit.AppendAsync(Supersede(alert, actor, version, supersession, now), ct);
            closed++;
        }

        return closed;
    }

    /// <summary>
    /// Before a list import takes the chain's lock: runs the query <see cref="SupersedeAsync"/> runs under it (so EF
    /// compiles it here) and, on an open alert it read (superseded in memory only), builds what tracking a superseded
    /// alert and serializing its audit payload need; then forgets what it read. Writes nothing; what is superseded is
    /// decided under the lock.
    /// </summary>
    public async Task PrepareSupersedeAsync(string actor, ListVersion version, Supersession supersession, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(supersession);
        // Alerts the context tracked already (with any change made to them) stay tracked; those read here are forgotten.
        var tracked = db.ChangeTracker.Entries<Alert>().Select(e => e.Entity).ToHashSet(ReferenceEqualityComparer.Instance);
        var read = (await OpenAlertsOn(supersession.Lists).ToListAsync(ct)).Where(a => !tracked.Contains(a)).ToList();
        foreach (var alert in read)
        {
            db.Entry(alert).State = EntityState.Detached;
        }

        if (read.Count > 0)
        {
            var sample = read[0];
            var entry = Supersede(sample, actor, version, supersession, AuditChain.Truncate(clock.GetUtcNow()));
            db.PrepareTracking(sample);
            await audit.PrepareAsync([entry.Payload], ct);
        }
    }

    /// <summary>The open alerts on entries of <paramref name="lists"/>, tracked, oldest first.</summary>
    IQueryable<Alert> OpenAlertsOn(IReadOnlyList<string> lists) =>
        db.Alerts.Where(a => a.Status == AlertStatus.Open && lists.Contains(a.List)).OrderBy(a => a.Id);

    /// <summary>Closes <paramref name="alert"/> as superseded by <paramref name="version"/>; returns its audit entry.</summary>
    static AuditEntry Supersede(Alert alert, string actor, ListVersion version, Supersession supersession, DateTime now)
    {
        var removed = !supersession.StillListed.Contains((alert.List, alert.EntryId));
        alert.Status = AlertStatus.Superseded;
        alert.DispositionedBy = actor;
        alert.DispositionedAt = now;
        alert.DispositionReason = string.Create(CultureInfo.InvariantCulture,
            $"list version {version.Id} ({version.Source} {version.FileName} sha256:{version.Sha256}) {(removed ? "no longer lists the entry" : "changed the entry")}");
        return new AuditEntry(actor, "alert.superseded", "alert", alert.Id.ToString(CultureInfo.InvariantCulture),
            new { alert.DispositionReason, alert.Source, alert.PartyId, alert.OrderId, alert.PartyName, alert.List, alert.EntryId, alert.EntryHash, ListVersionId = version.Id })
        {
            ListVersionHash = alert.ListVersionHash,
        };
    }

    /// <summary>Whether a true match on the entry stands: the lists screened now carry it (a list version that removes
    /// the entry, a delisting, ends it; the alert keeps its disposition in the record).</summary>
    public bool Stands(string list, string entryId) => lists.Current.IsListed(list, entryId);

    /// <summary>The evaluation's result for a name queried exactly so, if it screened it.</summary>
    static ScreenedParty? Earlier(IReadOnlyList<ScreenedParty> screened, string name, string? country, string? address)
    {
        foreach (var s in screened)
        {
            if (string.Equals(s.Name, name, StringComparison.Ordinal) && string.Equals(s.Country, country, StringComparison.Ordinal)
                && string.Equals(s.Address, address, StringComparison.Ordinal))
            {
                return s;
            }
        }

        return null;
    }

    /// <summary>The hits over a party's names (<paramref name="name"/>, then <paramref name="aliases"/>), best name per
    /// entry, best first.</summary>
    /// <remarks>A re-screening pass runs this for every party, and almost none has a hit: nothing is allocated here for
    /// a name without one (what <see cref="ScreeningIndex.Screen(ScreeningQuery, int, double)"/> allocates aside).</remarks>
    static IReadOnlyList<(ScreeningMatch Match, string Name)> Hits(string name, IReadOnlyList<string> aliases, string? country, string? address,
        ScreeningIndex index)
    {
        if (address is { Length: > NameNormalizer.MaxLength })
        {
            address = address[..NameNormalizer.MaxLength];
        }

        Dictionary<ListEntry, (ScreeningMatch Match, string Name)>? best = null;
        for (var i = -1; i < aliases.Count; i++)
        {
            var screened = i < 0 ? name : aliases[i];
            var matches = index.Screen(new ScreeningQuery(screened, country, address), CandidatesPerName, ScreeningDefaults.Threshold);
            for (var m = 0; m < matches.Count; m++)
            {
                Keep(ref best, matches[m], screened);
            }
        }

        return Ranked(best);
    }

    /// <summary>The matches at or above the screening threshold, best name per entry, best first.</summary>
    static IReadOnlyList<(ScreeningMatch Match, string Name)> Hits(IEnumerable<(ScreeningMatch Match, string Name)> matches)
    {
        Dictionary<ListEntry, (ScreeningMatch Match, string Name)>? best = null;
        foreach (var (match, name) in matches)
        {
            Keep(ref best, match, name);
        }

        return Ranked(best);
    }

    /// <summary>Keeps <paramref name="match"/> as its entry's hit when it reaches the screening threshold and scores above
    /// the entry's hit so far (the first of equal scores stays).</summary>
    static void Keep(ref Dictionary<ListEntry, (ScreeningMatch Match, string Name)>? best, ScreeningMatch match, string name)
    {
        if (match.Score < ScreeningDefaults.Threshold)
        {
            return;
        }

        best ??= new Dictionary<ListEntry, (ScreeningMatch Match, string Name)>(ReferenceEqualityComparer.Instance);
        if (!best.TryGetValue(match.Entry, out var known) || match.Score > known.Match.Score)
        {
            best[match.Entry] = (match, name);
        }
    }

    /// <summary>The kept hits, best first (equal scores in the order they were first kept); none when nothing was kept.</summary>
    static IReadOnlyList<(ScreeningMatch Match, string Name)> Ranked(Dictionary<ListEntry, (ScreeningMatch Match, string Name)>? best) =>
        best is null ? [] : [.. best.Values.OrderByDescending(h => h.Match.Score)];

    Alert NewAlert(Party? party, Order? order, string? role, string partyName, string? country, string subjectKey, string nameKey,
        ScreeningMatch match, string screenedName, string entryHash, string listVersionHash)
    {
        var explanation = $"screened name '{screenedName}' matched '{match.MatchedName}' ({match.Score.ToString("0.000", CultureInfo.InvariantCulture)}): {match.Explanation}";
        return new Alert
        {
            Source = party is not null ? Alert.PartySource : Alert.OrderSource,
            Party = party,
            Order = order,
            Role = role,
            PartyName = partyName,
            Country = country,
            SubjectKey = subjectKey,
            NameKey = nameKey,
            List = match.Entry.List,
            EntryId = match.Entry.Id,
            EntryName = match.Entry.Name,
            MatchedName = match.MatchedName,
            Score = match.Score,
            Explanation = explanation.Length > MaximumExplanationLength ? explanation[..MaximumExplanationLength] : explanation,
            EntryHash = entryHash,
            ListVersion = match.Entry.ListVersion,
            ListVersionHash = listVersionHash,
            Status = AlertStatus.Open,
            RaisedAt = AuditChain.Truncate(clock.GetUtcNow()),
        };
    }
}
