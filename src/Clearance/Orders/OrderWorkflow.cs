using System.Globalization;
using System.Text.Json;
using Clearance.Alerts;
using Clearance.Audit;
using Clearance.Data;
using Clearance.Licenses;
using Clearance.Rules;
using Clearance.Rules.Licensing;
using Microsoft.EntityFrameworkCore;

namespace Clearance.Orders;

/// <summary>Submits orders through <see cref="OrderPipeline"/> and keeps them with their decisions; releases holds.
/// Every change is stored with its audit event in one transaction; the evaluation runs before it begins, so the audit
/// chain's lock is held only for the writes. With an <see cref="OrderCommitter"/> (the service) concurrent submissions
/// share transactions; without one (the CLI, tests of the workflow) each submission commits on its own.</summary>
public sealed class OrderWorkflow(ClearanceDbContext db, AuditLog audit, OrderPipeline pipeline, AlertWorkflow alerts, LicenseWorkflow licenses,
    TimeProvider clock, OrderCommitter? committer = null)
{
    public const int MaximumIdempotencyKeyLength = 128;
    public const int MaximumReasonLength = 2000;
    public const int MaximumListed = 1000;

    /// <summary>The diffusion reading the CLI applies by default (BIS non-enforcement since 2025-05-13).</summary>
    const DiffusionReading Reading = DiffusionReading.Enforced;

    const string RequestBody = "request body";

    public async Task<OrderSubmission> SubmitAsync(string submitter, string idempotencyKey, string body, CancellationToken ct)
    {
        // A retry of a stored order is found by the store, inside its transaction, without a query per submission here;
        // only a body that no longer reads is looked up first, so its retry still returns the stored order.
        var requestHash = OrderRequest.Hash(body);
        var (input, errors) = pipeline.Reader.ReadOne(body, RequestBody);
        if (input is null)
        {
            if (await FindByKeyAsync(submitter, idempotencyKey, ct) is not { } earlier)
            {
                return new OrderSubmission(null, false, errors);
            }

            if (OrderRequest.Matches(earlier, requestHash))
            {
                return new OrderSubmission(earlier, false, []);
            }

            await using var transaction = await audit.BeginAsync(ct);
            await AuditKeyReusedAsync(audit, earlier, submitter, requestHash, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return new OrderSubmission(earlier, false, [], KeyReused: true);
        }

        var screened = new List<ScreenedParty>(input.Parties.Count);
        var decision = pipeline.Evaluate(input, null, Reading, screened);
        var now = AuditChain.Truncate(clock.GetUtcNow());
        var decisionJson = Orders.DecisionJson.Serialize(decision, pipeline.Freshness(input.Date));
        NewOrder Create() => new(new Order
        {
            IdempotencyKey = idempotencyKey,
            SubmittedBy = submitter,
            SubmittedAt = now,
            Reference = input.Id,
            OrderDate = input.Date,
            Destination = input.Destination,
            OrderJson = body,
            RequestHash = requestHash,
            DecisionJson = decisionJson,
            Verdict = WireNames.Name(decision.Verdict),
            Status = OrderStatusNames.For(decision.Verdict),
            VintageId = decision.Vintage,
            ListVersionHash = pipeline.ListVersionHash,
            UpdatedAt = now,
        }, input, decision, screened);

        return committer is null ? (await StoreAsync(db, audit, alerts, licenses, [Create()], ct))[0] : await committer.CommitAsync(Create, ct);
    }

    /// <summary>Stores new orders, each with its <c>order.submitted</c> event, in one transaction under the audit
    /// chain's lock. An order whose submitter and idempotency key are already stored, or appear earlier in the list,
    /// is not stored again: its submission returns the earlier order when it is the same request (a concurrent retry
    /// may have committed while this one was evaluated), and is refused as a reused key, audited, when it is not.</summary>
    internal static async Task<IReadOnlyList<OrderSubmission>> StoreAsync(ClearanceDbContext db, AuditLog audit, AlertWorkflow alerts,
        LicenseWorkflow licenses, IReadOnlyList<NewOrder> orders, CancellationToken ct)
    {
        await using var transaction = await audit.BeginAsync(ct);
        // Both columns of the unique index are constrained so that the look-up is an index search: on the key alone
        // it was a scan of the whole orders table per commit, slower with every order stored.
        var submitters = orders.Select(o => o.Order.SubmittedBy).Distinct(StringComparer.Ordinal).ToList();
        var keys = orders.Select(o => o.Order.IdempotencyKey).Distinct(StringComparer.Ordinal).ToList();
        var known = (await db.Orders.AsNoTracking()
                .Where(o => submitters.Contains(o.SubmittedBy) && keys.Contains(o.IdempotencyKey))
                .ToListAsync(ct))
            .ToDictionary(o => (o.SubmittedBy, o.IdempotencyKey));
        var submissions = new OrderSubmission[orders.Count];
        var added = new List<NewOrder>(orders.Count);
        var reused = new List<(Order Earlier, Order Refused)>();
        for (var i = 0; i < orders.Count; i++)
        {
            var order = orders[i].Order;
            if (known.TryGetValue((order.SubmittedBy, order.IdempotencyKey), out var earlier))
            {
                var same = OrderRequest.Matches(earlier, order.RequestHash!);
                submissions[i] = new OrderSubmission(earlier, false, [], KeyReused: !same);
                if (!same)
                {
                    reused.Add((earlier, order));
                }

                continue;
            }

            known.Add((order.SubmittedBy, order.IdempotencyKey), order);
            db.Orders.Add(order);
            added.Add(orders[i]);
            submissions[i] = new OrderSubmission(order, true, []);
        }

        // The orders' ids are the audit events' entity ids.
        await db.SaveChangesAsync(ct);
        var decided = await alerts.ApplyFalsePositivesAsync(added, ct);
        await licenses.CoverAsync([.. decided.Select(a => (a.Order, a.Input, a.Decision))], ct);
        var standing = await alerts.StandingTrueMatchesAsync(decided.Select(a => a.Input), ct);
        foreach (var (order, input, decision, screened) in decided)
        {
            await audit.AppendAsync(
                new AuditEntry(order.SubmittedBy, OrderEvents.Submitted, "order", order.Id.ToString(CultureInfo.InvariantCulture),
                    new
                    {
                        order.Reference,
                        order.IdempotencyKey,
                        order.Verdict,
                        Status = order.Status.Name(),
                        DecisionSha256 = OrderEvents.DecisionSha256(order.DecisionJson),
                        Decision = JsonSerializer.Deserialize<JsonElement>(order.DecisionJson),
                        License = order.LicenseJson is null ? (JsonElement?)null : JsonSerializer.Deserialize<JsonElement>(order.LicenseJson),
                    })
                {
                    VintageId = order.VintageId,
                    ListVersionHash = order.ListVersionHash,
                },
                ct);

            // Every other write that belongs to one order's submission goes here, in this same transaction.
            await alerts.RaiseForOrderAsync(order, input, decision, screened, standing, ct);
        }

        // After the first save: an earlier order of this same batch has its id only now.
        foreach (var (earlier, refused) in reused)
        {
            await AuditKeyReusedAsync(audit, earlier, refused.SubmittedBy, refused.RequestHash!, ct);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return submissions;
    }

    /// <summary>Records a refused submission: its key names <paramref name="earlier"/>, its body is another request.</summary>
    static Task AuditKeyReusedAsync(AuditLog audit, Order earlier, string submitter, string requestHash, CancellationToken ct) =>
        audit.AppendAsync(
            new AuditEntry(submitter, "order.idempotency-key-reused", "order", earlier.Id.ToString(CultureInfo.InvariantCulture),
                new { earlier.IdempotencyKey, FirstRequestHash = earlier.RequestHash ?? OrderRequest.Hash(earlier.OrderJson), RefusedRequestHash = requestHash }),
            ct);

    public Task<Order?> FindAsync(long id, CancellationToken ct) =>
        db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct);

    /// <summary>Newest first, at most <see cref="MaximumListed"/>.</summary>
    public async Task<IReadOnlyList<Order>> ListAsync(OrderFilter filter, CancellationToken ct) =>
        await Filtered(filter).OrderByDescending(o => o.Id).Take(MaximumListed).ToListAsync(ct);

    /// <summary>One page of the orders that match, sorted on the database, without the order and decision bodies;
    /// <paramref name="page"/> counts from 1 and is moved back to the last page when it lies beyond it.</summary>
    public async Task<OrderPage> PageAsync(OrderFilter filter, OrderSort sort, bool descending, int page, int pageSize, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        var query = Filtered(filter);
        var total = await query.CountAsync(ct);
        var pages = Math.Max(1, (total + pageSize - 1) / pageSize);
        page = Math.Clamp(page, 1, pages);
        var rows = await Sorted(query, sort, descending)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(o => new OrderRow(o.Id, o.Reference, o.OrderDate, o.Destination, o.Verdict, o.Status, o.SubmittedBy, o.SubmittedAt))
            .ToListAsync(ct);
        return new OrderPage(rows, total, page, pageSize);
    }

    /// <summary>How many orders stand in each status.</summary>
    public async Task<IReadOnlyDictionary<OrderStatus, int>> CountByStatusAsync(CancellationToken ct) =>
        (await db.Orders.AsNoTracking().GroupBy(o => o.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .ToDictionary(g => g.Key, g => g.Count);

    /// <summary>When each held order was submitted, oldest first.</summary>
    public async Task<IReadOnlyList<DateTime>> HeldSinceAsync(CancellationToken ct) =>
        await db.Orders.AsNoTracking().Where(o => o.Status == OrderStatus.Held).OrderBy(o => o.SubmittedAt).Select(o => o.SubmittedAt).ToListAsync(ct);

    IQueryable<Order> Filtered(OrderFilter filter)
    {
        var query = db.Orders.AsNoTracking();
        if (filter.Verdict is { } verdict)
        {
            query = query.Where(o => o.Verdict == verdict);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(o => o.Status == status);
        }

        if (filter.Destination is { } destination)
        {
            query = query.Where(o => o.Destination == destination);
        }

        if (filter.From is { } from)
        {
            query = query.Where(o => o.OrderDate >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(o => o.OrderDate <= to);
        }

        if (filter.SubmittedBy is { } submitter)
        {
            query = query.Where(o => o.SubmittedBy == submitter);
        }

        if (filter.Reference is { } reference)
        {
            query = query.Where(o => o.Reference.Contains(reference));
        }

        return query;
    }

    // The id breaks ties so that a page boundary never shows an order twice or skips one.
    static IQueryable<Order> Sorted(IQueryable<Order> query, OrderSort sort, bool descending) => (sort, descending) switch
    {
        (OrderSort.Id, false) => query.OrderBy(o => o.Id),
        (OrderSort.Id, true) => query.OrderByDescending(o => o.Id),
        (OrderSort.Reference, false) => query.OrderBy(o => o.Reference).ThenBy(o => o.Id),
        (OrderSort.Reference, true) => query.OrderByDescending(o => o.Reference).ThenByDescending(o => o.Id),
        (OrderSort.OrderDate, false) => query.OrderBy(o => o.OrderDate).ThenBy(o => o.Id),
        (OrderSort.OrderDate, true) => query.OrderByDescending(o => o.OrderDate).ThenByDescending(o => o.Id),
        (OrderSort.Destination, false) => query.OrderBy(o => o.Destination).ThenBy(o => o.Id),
        (OrderSort.Destination, true) => query.OrderByDescending(o => o.Destination).ThenByDescending(o => o.Id),
        (OrderSort.Verdict, false) => query.OrderBy(o => o.Verdict).ThenBy(o => o.Id),
        (OrderSort.Verdict, true) => query.OrderByDescending(o => o.Verdict).ThenByDescending(o => o.Id),
        (OrderSort.Status, false) => query.OrderBy(o => o.Status).ThenBy(o => o.Id),
        (OrderSort.Status, true) => query.OrderByDescending(o => o.Status).ThenByDescending(o => o.Id),
        (OrderSort.SubmittedBy, false) => query.OrderBy(o => o.SubmittedBy).ThenBy(o => o.Id),
        (OrderSort.SubmittedBy, true) => query.OrderByDescending(o => o.SubmittedBy).ThenByDescending(o => o.Id),
    };

    /// <summary>Releases a held order after re-evaluating it under today's data. Refused to its submitter (four eyes),
    /// when it is not held, while any alert of the order is open (a release never leaves a hit undispositioned), and
    /// when the re-evaluation finds a reason to hold that the held decision did not show (the officer reviewed the old
    /// reasons, not the new one).</summary>
    public async Task<ReleaseOutcome> ReleaseAsync(string officer, long id, string reason, CancellationToken ct)
    {
        var stored = await FindAsync(id, ct);
        if (stored is null)
        {
            return new ReleaseOutcome(ReleaseResult.NotFound, null, null);
        }

        if (string.Equals(stored.SubmittedBy, officer, StringComparison.Ordinal))
        {
            return new ReleaseOutcome(ReleaseResult.OwnSubmission, stored, "the person who submitted an order cannot release it");
        }

        if (stored.Status != OrderStatus.Held)
        {
            return new ReleaseOutcome(ReleaseResult.NotHeld, stored, $"the order is {stored.Status.Name()}, not held");
        }

        var (input, errors) = pipeline.Reader.ReadOne(stored.OrderJson, RequestBody);
        if (input is null)
        {
            return new ReleaseOutcome(ReleaseResult.NoLongerReleasable, stored,
                $"the stored order no longer reads under today's data: {string.Join("; ", errors.Select(e => $"{e.Location}: {e.Message}"))}");
        }

        var trueMatches = await alerts.TrueMatchesAsync(stored, input, ct);
        if (trueMatches.Count > 0)
        {
            return new ReleaseOutcome(ReleaseResult.NoLongerReleasable, stored, $"a compliance officer confirmed a true match: {string.Join("; ", trueMatches)}");
        }

        var decision = pipeline.Evaluate(input, null, Reading);
        var fresh = Orders.DecisionJson.Serialize(decision, pipeline.Freshness(input.Date));
        var added = HoldReasons(fresh).Except(HoldReasons(stored.DecisionJson), StringComparer.Ordinal).ToList();
        if (added.Count > 0)
        {
            return new ReleaseOutcome(ReleaseResult.NoLongerReleasable, stored, $"re-evaluation found what the held decision did not show: {string.Join("; ", added)}");
        }

        var now = AuditChain.Truncate(clock.GetUtcNow());
        await using var transaction = await audit.BeginAsync(ct);
        var order = await db.Orders.SingleAsync(o => o.Id == id, ct);
        if (order.Status != OrderStatus.Held)
        {
            return new ReleaseOutcome(ReleaseResult.NotHeld, order, $"the order is {order.Status.Name()}, not held");
        }

        // Checked under the chain's lock: a list import that raises an alert on the order commits before or after.
        var open = await db.Alerts.AsNoTracking()
            .Where(a => a.OrderId == id && a.Status == AlertStatus.Open)
            .OrderBy(a => a.Id)
            .Select(a => new { a.Id, a.Role, a.PartyName, a.List, a.EntryName })
            .ToListAsync(ct);
        if (open.Count > 0)
        {
            return new ReleaseOutcome(ReleaseResult.OpenAlerts, order,
                "disposition every alert of the order first: "
                + string.Join("; ", open.Select(a => string.Create(CultureInfo.InvariantCulture, $"alert {a.Id} ({a.Role} '{a.PartyName}' may be '{a.EntryName}' on {a.List})"))),
                [.. open.Select(a => a.Id)]);
        }

        order.DecisionJson = fresh;
        order.Verdict = WireNames.Name(decision.Verdict);
        order.VintageId = decision.Vintage;
        order.ListVersionHash = pipeline.ListVersionHash;
        order.Status = OrderStatus.Released;
        order.ReleasedBy = officer;
        order.ReleasedAt = now;
        order.ReleaseReason = reason;
        order.UpdatedAt = now;
        await audit.AppendAsync(
            new AuditEntry(officer, OrderEvents.Released, "order", order.Id.ToString(CultureInfo.InvariantCulture),
                new
                {
                    order.Reference,
                    Reason = reason,
                    order.Verdict,
                    Status = order.Status.Name(),
                    DecisionSha256 = OrderEvents.DecisionSha256(fresh),
                    Decision = JsonSerializer.Deserialize<JsonElement>(fresh),
                })
            {
                VintageId = order.VintageId,
                ListVersionHash = order.ListVersionHash,
            },
            ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new ReleaseOutcome(ReleaseResult.Released, order, null);
    }

    Task<Order?> FindByKeyAsync(string submitter, string key, CancellationToken ct) =>
        db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.SubmittedBy == submitter && o.IdempotencyKey == key, ct);

    /// <summary>What makes a decision hold, as comparable strings: every line's findings and each party that is a hit or
    /// was not screened.</summary>
    static IEnumerable<string> HoldReasons(string decisionJson)
    {
        var decision = Orders.DecisionJson.Read(decisionJson);
        return decision.Lines.SelectMany(l => l.Findings.Select(f => $"line '{l.Item}': {f.Code}"))
            .Concat(decision.Screening.Where(p => p.Decision is ScreeningDecision.Hit or ScreeningDecision.NotScreened)
                .Select(p => $"party '{p.Name}': {p.Decision.Name()} {p.List ?? "-"} {p.Entry ?? "-"}"));
    }
}
