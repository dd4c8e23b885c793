using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Clearance.Alerts;
using Clearance.Audit;
using Clearance.Data;
using Clearance.Licenses;
using Clearance.Orders;
using Clearance.Parties;
using Clearance.Rules;
using Clearance.Rules.Licensing;
using Microsoft.EntityFrameworkCore;

namespace Clearance.Shipments;

/// <summary>
/// Ships against orders. A shipment re-screens the order's parties and re-checks its license on the shipment date and
/// every condition of the license; it is refused with every failing reason and nothing drawn, or it moves the units
/// from reserved to shipped on the license line and creates the revenue-share obligations, with its audit event, in a
/// transaction under the audit chain's lock (so a concurrent shipment that loses the race finds nothing left).
/// The evaluation (classification, screening, the license engine: the CPU of a shipment) runs before that transaction,
/// in parallel with other requests; under the lock a shipment re-reads only what can change (its idempotency key,
/// true matches, the reservations and license lines, what was shipped) and is evaluated again only when the lists
/// changed in between. With a <see cref="ShipmentCommitter"/> (the service) concurrent shipments share transactions;
/// without one (tests of the workflow) each commits on its own.
/// </summary>
public sealed class ShipmentWorkflow(ClearanceDbContext db, AuditLog audit, OrderPipeline pipeline, AlertWorkflow alerts, TimeProvider clock,
    ShipmentCommitter? committer = null)
{
    public const int MaximumIdempotencyKeyLength = 128;
    public const int MaximumTextLength = 256;

    const string Scope = "15 CFR 750.7(a)";
    const DiffusionReading Reading = DiffusionReading.Enforced;

    static readonly JsonSerializerOptions Canonical = new(JsonSerializerDefaults.Web);

    public async Task<ShipmentOutcome> ShipAsync(string actor, long orderId, string key, ShipmentRequest? request, CancellationToken ct)
    {
        var errors = Validate(request);
        if (errors.Count > 0)
        {
            return new ShipmentOutcome(ShipmentResult.Invalid, null, [], errors, []);
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            $"{orderId.ToString(CultureInfo.InvariantCulture)}\n{JsonSerializer.Serialize(request, Canonical)}")));
        var shipDate = request!.Date ?? request.Invoice!.Date!.Value;
        // The order is read and evaluated outside the transaction, in parallel with other requests; under the chain's
        // lock a change since (a release decides it again) is caught by its UpdatedAt (StoreOneAsync).
        var order = await db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == orderId, ct);
        if (order is null)
        {
            return new ShipmentOutcome(ShipmentResult.NotFound, null, [], errors, []);
        }

        var (input, readErrors) = pipeline.Reader.ReadOne(order.OrderJson, "stored order");
        if (input is null)
        {
            errors["$"] = [$"The stored order no longer reads under today's data: {string.Join("; ", readErrors.Select(e => $"{e.Location}: {e.Message}"))}"];
            return await EarlierOrAsync(actor, key, hash, new ShipmentOutcome(ShipmentResult.Invalid, null, [], errors, []), ct);
        }

        for (var i = 0; i < request.Lines!.Count; i++)
        {
            var line = request.Lines[i]!;
            if (line.Line!.Value >= input.Lines.Count)
            {
                errors[$"$.lines[{i}].line"] = [$"The order has lines 0 to {input.Lines.Count - 1}."];
            }
            else if (line.Quantity!.Value > input.Lines[line.Line.Value].Quantity)
            {
                errors[$"$.lines[{i}].quantity"] = [$"The order line has {input.Lines[line.Line.Value].Quantity} units; a shipment cannot be larger."];
            }
        }

        if (errors.Count > 0)
        {
            // A retry of a stored shipment answers as before even if the request was not valid (a reused key).
            return await EarlierOrAsync(actor, key, hash, new ShipmentOutcome(ShipmentResult.Invalid, null, [], errors, []), ct);
        }

        var lists = pipeline.ListVersionHash;
        var fresh = pipeline.Evaluate(input, shipDate, Reading);
        var prepared = new PreparedShipment(actor, key, hash, request, shipDate, order, input, fresh, lists, LicenseRequired(order));
        return committer is null ? (await StoreAsync([prepared], ct))[0] : await committer.CommitAsync(prepared, ct);
    }

    /// <summary>Stores prepared shipments (or their refusals), each with its audit event, in one transaction under the
    /// audit chain's lock, one after the other: each sees what the ones before it drew. What they read is read once for
    /// the whole batch (keys, the orders' versions, reservations and license lines, units shipped, true matches) and
    /// kept up to date in memory as each shipment draws; the batch is written with two saves.</summary>
    internal async Task<IReadOnlyList<ShipmentOutcome>> StoreAsync(IReadOnlyList<PreparedShipment> batch, CancellationToken ct)
    {
        await using var transaction = await audit.BeginAsync(ct);
        var state = await BatchState.ReadAsync(db, batch, ct);
        var outcomes = new ShipmentOutcome?[batch.Count];
        var created = new Dictionary<(string Actor, string Key), int>();
        var sameKeyAs = new Dictionary<int, int>();
        // The audit events in batch order: a refusal's entry, or null for a shipment created (its id comes with the save).
        var events = new List<(int Index, AuditEntry? Refusal)>();
        var drawnBy = new Dictionary<int, List<(ShipmentLine Line, LicenseReservation? Reservation, License? License)>>();
        for (var i = 0; i < batch.Count; i++)
        {
            var prepared = batch[i];
            if (state.Earlier.TryGetValue((prepared.Actor, prepared.Key), out var earlier))
            {
                outcomes[i] = await EarlierOutcomeAsync(earlier, prepared.Hash, ct);
                continue;
            }

            if (created.TryGetValue((prepared.Actor, prepared.Key), out var first))
            {
                // The same key twice in one batch: answered like a retry once the first is stored.
                sameKeyAs[i] = first;
                continue;
            }

            var (reasons, drawn, shipment) = await DrawAsync(prepared, state, ct);
            if (reasons.Count > 0)
            {
                outcomes[i] = new ShipmentOutcome(ShipmentResult.Refused, null, [], new Dictionary<string, string[]>(), reasons);
                events.Add((i, new AuditEntry(prepared.Actor, "shipment.refused", "order", prepared.Order.Id.ToString(CultureInfo.InvariantCulture),
                    new { prepared.Order.Reference, IdempotencyKey = prepared.Key, prepared.Request, Reasons = reasons })));
                continue;
            }

            created[(prepared.Actor, prepared.Key)] = i;
            drawnBy[i] = drawn;
            db.Add(shipment!);
            outcomes[i] = new ShipmentOutcome(ShipmentResult.Created, shipment, [], new Dictionary<string, string[]>(), []);
            events.Add((i, null));
        }

        // The shipments' ids are their obligations' and audit events' keys.
        await db.SaveChangesAsync(ct);
        var now = AuditChain.Truncate(clock.GetUtcNow());
        foreach (var (i, drawn) in drawnBy)
        {
            var shipment = outcomes[i]!.Shipment!;
            var obligations = Obligations(shipment, [.. drawn.Where(d => d.License is not null).Select(d => (d.License!, d.Line.Value))], state, now);
            db.AddRange(obligations);
            outcomes[i] = outcomes[i]! with { Obligations = obligations };
        }

        foreach (var (i, refusal) in events)
        {
            if (refusal is not null)
            {
                await audit.AppendAsync(refusal, ct);
                continue;
            }

            var prepared = batch[i];
            var shipment = outcomes[i]!.Shipment!;
            var obligations = outcomes[i]!.Obligations;
            await audit.AppendAsync(new AuditEntry(prepared.Actor, "shipment.created", "shipment", shipment.Id.ToString(CultureInfo.InvariantCulture),
                new
                {
                    OrderId = prepared.Order.Id,
                    prepared.Order.Reference,
                    IdempotencyKey = prepared.Key,
                    prepared.Request,
                    Lines = shipment.Lines.Select(l => new { l.OrderLine, l.Item, l.Quantity, l.Value, l.LicenseId, l.LicenseLineId }),
                    Obligations = obligations.Select(o => new { o.LicenseNumber, o.Rate, o.InvoiceAmount, o.Amount, o.Currency, o.Quarter }),
                }), ct);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        foreach (var (i, first) in sameKeyAs)
        {
            var stored = outcomes[first]!;
            outcomes[i] = string.Equals(batch[first].Hash, batch[i].Hash, StringComparison.Ordinal)
                ? stored with { Result = ShipmentResult.Replayed }
                : new ShipmentOutcome(ShipmentResult.KeyReused, null, [], new Dictionary<string, string[]>(), [], stored.Shipment!.Id);
        }

        return [.. outcomes.Select(o => o!)];
    }

    /// <summary>Per order line, whether the order's stored decision found that it needs a license.</summary>
    static IReadOnlyList<bool> LicenseRequired(Order order) =>
        [.. DecisionJson.Read(order.DecisionJson).Lines.Select(l => l.LicenseRequired)];

    async Task<ShipmentOutcome> EarlierOrAsync(string actor, string key, string hash, ShipmentOutcome otherwise, CancellationToken ct) =>
        await db.Set<Shipment>().AsNoTracking().Include(s => s.Lines).SingleOrDefaultAsync(s => s.SubmittedBy == actor && s.IdempotencyKey == key, ct) is { } earlier
            ? await EarlierOutcomeAsync(earlier, hash, ct)
            : otherwise;

    async Task<ShipmentOutcome> EarlierOutcomeAsync(Shipment earlier, string hash, CancellationToken ct) =>
        string.Equals(earlier.RequestHash, hash, StringComparison.Ordinal)
            ? new ShipmentOutcome(ShipmentResult.Replayed, earlier, await ObligationsOfAsync(earlier.Id, ct), new Dictionary<string, string[]>(), [])
            : new ShipmentOutcome(ShipmentResult.KeyReused, null, [], new Dictionary<string, string[]>(), [], earlier.Id);

    /// <summary>What a batch of shipments reads once: shipments already stored under their keys, the orders' versions,
    /// their reservations and the license lines reserved (tracked: the batch draws them down), the units shipped per
    /// order line, the true matches standing per order, and the lines the batch has drawn so far.</summary>
    sealed class BatchState
    {
        public required Dictionary<(string Actor, string Key), Shipment> Earlier { get; init; }

        public required Dictionary<long, DateTime> UpdatedAt { get; init; }

        public required ILookup<long, LicenseReservation> Reservations { get; init; }

        public required Dictionary<long, License> Licenses { get; init; }

        public required Dictionary<(long Order, int Line), long> Shipped { get; init; }

        public Dictionary<long, IReadOnlyList<string>> TrueMatches { get; } = [];

        public List<ShipmentLine> Drawn { get; } = [];

        readonly Dictionary<long, (LicenseTerms Terms, IReadOnlySet<string> PartyKeys)> _terms = [];

        /// <summary>A license's terms and its approved parties' keys, read once per batch however many shipments draw on it.</summary>
        public (LicenseTerms Terms, IReadOnlySet<string> PartyKeys) TermsOf(License license)
        {
            if (!_terms.TryGetValue(license.Id, out var read))
            {
                var terms = LicenseJson.ReadTerms(license.TermsJson);
                read = _terms[license.Id] = (terms, BookLicense.PartyKeysOf(terms));
            }

            return read;
        }

        public static async Task<BatchState> ReadAsync(ClearanceDbContext db, IReadOnlyList<PreparedShipment> batch, CancellationToken ct)
        {
            // Both columns of the unique index are constrained so that the look-up is an index search.
            var actors = batch.Select(p => p.Actor).Distinct(StringComparer.Ordinal).ToList();
            var keys = batch.Select(p => p.Key).Distinct(StringComparer.Ordinal).ToList();
            var earlier = (await db.Set<Shipment>().AsNoTracking().Include(s => s.Lines)
                    .Where(s => actors.Contains(s.SubmittedBy) && keys.Contains(s.IdempotencyKey)).ToListAsync(ct))
                .ToDictionary(s => (s.SubmittedBy, s.IdempotencyKey));
            var orderIds = batch.Select(p => p.Order.Id).Distinct().ToList();
            var updatedAt = await db.Orders.Where(o => orderIds.Contains(o.Id)).Select(o => new { o.Id, o.UpdatedAt }).ToDictionaryAsync(o => o.Id, o => o.UpdatedAt, ct);
            var reservations = await db.LicenseReservations.Where(r => orderIds.Contains(r.OrderId)).OrderBy(r => r.Id).ToListAsync(ct);
            var licenseIds = reservations.Select(r => r.LicenseId).Distinct().ToList();
            var licenses = await db.Licenses.Include(l => l.Lines).Where(l => licenseIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, ct);
            var shipped = await db.Set<ShipmentLine>()
                .Join(db.Set<Shipment>().Where(s => orderIds.Contains(s.OrderId)), l => l.ShipmentId, s => s.Id, (l, s) => new { s.OrderId, l.OrderLine, l.Quantity })
                .GroupBy(l => new { l.OrderId, l.OrderLine })
                .Select(g => new { g.Key.OrderId, g.Key.OrderLine, Quantity = g.Sum(l => l.Quantity) })
                .ToDictionaryAsync(g => (g.OrderId, g.OrderLine), g => g.Quantity, ct);
            return new BatchState
            {
                Earlier = earlier,
                UpdatedAt = updatedAt,
                Reservations = reservations.ToLookup(r => r.OrderId),
                Licenses = licenses,
                Shipped = shipped,
            };
        }
    }

    /// <summary>Checks one shipment against what is stored and what the batch drew before it: every failing reason, or
    /// the shipment with the license lines and reservations drawn down (in memory: the batch's save stores them).</summary>
    async Task<(List<CoverageReason> Reasons, List<(ShipmentLine Line, LicenseReservation? Reservation, License? License)> Drawn, Shipment? Shipment)> DrawAsync(
        PreparedShipment prepared, BatchState state, CancellationToken ct)
    {
        var (actor, key, hash, request, shipDate, order, input, fresh, _, licenseRequired) = prepared;
        var orderId = order.Id;
        if (!string.Equals(prepared.Lists, pipeline.ListVersionHash, StringComparison.Ordinal))
        {
            // The lists changed since the evaluation: screen again against the ones in force now.
            fresh = pipeline.Evaluate(input, shipDate, Reading);
        }

        if (state.UpdatedAt[orderId] != order.UpdatedAt)
        {
            // The order was decided again (a release) since it was read: use the decision stored now.
            order = await db.Orders.AsNoTracking().SingleAsync(o => o.Id == orderId, ct);
            licenseRequired = LicenseRequired(order);
        }

        var reasons = new List<CoverageReason>();
        foreach (var party in fresh.Screening.Where(p => p.Decision != ScreeningDecision.Clear))
        {
            reasons.Add(new CoverageReason(ShipmentCodes.ScreeningHit,
                $"'{party.Name}' screens as {WireNames.Name(party.Decision)} on {shipDate:yyyy-MM-dd}{(party.List is null ? "" : $" ({party.List}: {party.Entry})")}: 15 CFR 744.11 and Supplement No. 4 to Part 744 (Entity List), 31 CFR Part 501 (SDN)."));
        }

        if (!state.TrueMatches.TryGetValue(orderId, out var trueMatches))
        {
            trueMatches = await alerts.TrueMatchesAsync(order, input, ct);
            state.TrueMatches[orderId] = trueMatches;
        }

        foreach (var match in trueMatches)
        {
            reasons.Add(new CoverageReason(ShipmentCodes.ScreeningHit, $"A compliance officer confirmed a true match: {match}."));
        }

        var country = pipeline.Data.Regulation.CountryGroups.Resolve(input.Destination, shipDate).Country;
        // Which destinations count as China for the volume cap, and whose shipments it compares against: the scope of
        // the January-2026 policy in the rulebook on the shipment date.
        var capScope = pipeline.Data.Regulation.VolumeCapScope(shipDate, Reading);
        var chinaBound = capScope.Destinations.Contains(country, StringComparer.Ordinal);
        var buyer = input.Parties.FirstOrDefault(p => p.Role == PartyRole.Buyer) ?? input.Parties.FirstOrDefault(p => p.Role != PartyRole.Intermediate) ?? input.Parties[0];
        var buyerKey = ScreeningSubject.NameKey(buyer.Name, buyer.Country);
        var reservations = state.Reservations[orderId];
        var licenses = state.Licenses;
        var evidence = (request.Evidence ?? []).Select(e => e!).ToList();
        var pendingByItem = new Dictionary<string, long>(StringComparer.Ordinal);
        var pendingByLicense = new Dictionary<long, long>();
        var drawn = new List<(ShipmentLine Line, LicenseReservation? Reservation, License? License)>();
        foreach (var requested in request.Lines!)
        {
            var index = requested!.Line!.Value;
            var quantity = (long)requested.Quantity!.Value;
            var orderLine = input.Lines[index];
            var value = quantity * (orderLine.UnitPrice ?? 0);
            var left = orderLine.Quantity - state.Shipped.GetValueOrDefault((orderId, index)) - drawn.Where(d => d.Line.OrderLine == index).Sum(d => d.Line.Quantity);
            if (quantity > left)
            {
                reasons.Add(new CoverageReason(CoverageCodes.QuantityExhausted, $"Order line {index} has {left} units not yet shipped; this shipment asks for {quantity}."));
                continue;
            }

            var needsLicense = licenseRequired[index] || fresh.Lines[index].LicenseRequired;
            LicenseReservation? reservation = null;
            License? license = null;
            if (needsLicense)
            {
                reservation = reservations.LastOrDefault(r => r.Line == index && !r.Released);
                var last = reservations.LastOrDefault(r => r.Line == index);
                if (reservation is null)
                {
                    reasons.Add(last is not null && licenses[last.LicenseId].Revoked
                        ? new CoverageReason(CoverageCodes.LicenseRevoked, $"License {licenses[last.LicenseId].Number} was revoked on {licenses[last.LicenseId].RevokedAt:yyyy-MM-dd}: {licenses[last.LicenseId].RevokeReason}.")
                        : new CoverageReason(CoverageCodes.NoLicense, $"Order line {index} ('{orderLine.Item}') needs a license and no license covers it ({Scope})."));
                    continue;
                }

                license = licenses[reservation.LicenseId];
                var (terms, approved) = state.TermsOf(license);
                CheckLicense(terms, approved, license, input, shipDate, pipeline.Data.Regulation, reasons);
                if (quantity > reservation.Quantity - reservation.QuantityShipped)
                {
                    reasons.Add(new CoverageReason(CoverageCodes.QuantityExhausted,
                        $"Order line {index} has {reservation.Quantity - reservation.QuantityShipped} units reserved on license {license.Number} not yet shipped; this shipment asks for {quantity}."));
                }

                await CheckConditionsAsync(terms, license, orderLine.Item, buyer, buyerKey, capScope, chinaBound, quantity, evidence,
                    pendingByItem.GetValueOrDefault(orderLine.Item), pendingByLicense.GetValueOrDefault(license.Id), state.Drawn, reasons, ct);
                pendingByLicense[license.Id] = pendingByLicense.GetValueOrDefault(license.Id) + quantity;
            }

            pendingByItem[orderLine.Item] = pendingByItem.GetValueOrDefault(orderLine.Item) + quantity;
            drawn.Add((new ShipmentLine
            {
                OrderLine = index,
                Item = orderLine.Item,
                Country = country,
                BuyerKey = buyerKey,
                Quantity = quantity,
                Value = value,
                LicenseId = license?.Id,
                LicenseLineId = reservation?.LicenseLineId,
            }, reservation, license));
        }

        if (reasons.Count > 0)
        {
            return (reasons, drawn, null);
        }

        var invoice = request.Invoice!;
        var shipment = new Shipment
        {
            OrderId = orderId,
            SubmittedBy = actor,
            IdempotencyKey = key,
            RequestHash = hash,
            ShipDate = shipDate,
            Destination = input.Destination,
            InvoiceNumber = invoice.Number!.Trim(),
            InvoiceDate = invoice.Date!.Value,
            InvoiceAmount = invoice.Amount!.Value,
            EvidenceJson = JsonSerializer.Serialize(evidence, Canonical),
            CreatedAt = AuditChain.Truncate(clock.GetUtcNow()),
            Lines = [.. drawn.Select(d => d.Line)],
        };
        foreach (var (line, reservation, license) in drawn)
        {
            state.Shipped[(orderId, line.OrderLine)] = state.Shipped.GetValueOrDefault((orderId, line.OrderLine)) + line.Quantity;
            state.Drawn.Add(line);
            if (reservation is null)
            {
                continue;
            }

            var licenseLine = license!.Lines.Single(l => l.Id == reservation.LicenseLineId);
            // The reservation was the whole order line at its unit price; the shipment moves its share of it.
            licenseLine.QuantityReserved -= line.Quantity;
            licenseLine.ValueReserved -= line.Value;
            licenseLine.QuantityShipped += line.Quantity;
            licenseLine.ValueShipped += line.Value;
            reservation.QuantityShipped += line.Quantity;
            reservation.ValueShipped += line.Value;
        }

        return (reasons, drawn, shipment);
    }

    public async Task<IReadOnlyList<Obligation>> ObligationsOfAsync(long shipmentId, CancellationToken ct) =>
        await db.Set<Obligation>().AsNoTracking().Where(o => o.ShipmentId == shipmentId).OrderBy(o => o.Id).ToListAsync(ct);

    /// <summary>One obligation per revenue-share license the shipment drew on: rate × the part of the invoice amount
    /// drawn on that license (in proportion to line value; the whole amount when one license), half-up to cents.</summary>
    static List<Obligation> Obligations(Shipment shipment, List<(License License, decimal Value)> drawn, BatchState state, DateTime now)
    {
        var obligations = new List<Obligation>();
        var total = drawn.Sum(d => d.Value);
        var byLicense = drawn.GroupBy(d => d.License.Id).ToList();
        foreach (var group in byLicense)
        {
            var license = group.First().License;
            if (state.TermsOf(license).Terms.Condition(ConditionKinds.RevenueShare) is not { Rate: { } rate })
            {
                continue;
            }

            var invoiced = byLicense.Count == 1 || total == 0
                ? shipment.InvoiceAmount
                : Money.Cents(shipment.InvoiceAmount * group.Sum(d => d.Value) / total);
            obligations.Add(new Obligation
            {
                ShipmentId = shipment.Id,
                LicenseId = license.Id,
                LicenseNumber = license.Number,
                Currency = license.Currency,
                Rate = rate,
                InvoiceAmount = invoiced,
                Amount = Money.Cents(rate * invoiced),
                InvoiceDate = shipment.InvoiceDate,
                Quarter = Money.Quarter(shipment.InvoiceDate),
                CreatedAt = now,
            });
        }

        return obligations;
    }

    static void CheckLicense(LicenseTerms terms, IReadOnlySet<string> approved, License license, OrderInput input, DateOnly date, Regulation regulation,
        List<CoverageReason> reasons)
    {
        if (date > terms.ValidTo)
        {
            reasons.Add(new CoverageReason(CoverageCodes.Expired, $"License {license.Number} expired on {terms.ValidTo:yyyy-MM-dd}, before the shipment date {date:yyyy-MM-dd} ({Scope})."));
        }

        var usableFrom = terms.UsableFrom(regulation);
        if (date < usableFrom)
        {
            reasons.Add(new CoverageReason(CoverageCodes.NotYetValid, $"License {license.Number} may be used from {usableFrom:yyyy-MM-dd}, after the shipment date {date:yyyy-MM-dd} ({Scope})."));
        }

        foreach (var party in input.Parties.Where(p => p.Role != PartyRole.Intermediate && !approved.Contains(ScreeningSubject.NameKey(p.Name, p.Country))))
        {
            reasons.Add(new CoverageReason(CoverageCodes.PartyNotApproved, $"'{party.Name}' ({party.Country}) is no longer among the parties approved on license {license.Number} ({Scope})."));
        }
    }

    async Task CheckConditionsAsync(LicenseTerms terms, License license, string item, PartyInput buyer, string buyerKey, CaseByCaseScope capScope, bool chinaBound, long quantity,
        List<EvidenceRequest> evidence, long pendingItem, long pendingLicense, IReadOnlyList<ShipmentLine> batch, List<CoverageReason> reasons, CancellationToken ct)
    {
        List<string> china = [.. capScope.Destinations];
        foreach (var condition in terms.Conditions)
        {
            switch (condition.Kind)
            {
                case ConditionKinds.UsThirdPartyTest or ConditionKinds.EndUseStatement or ConditionKinds.RemoteAccessKyc:
                    if (!evidence.Any(e => string.Equals(e.Kind?.Trim(), condition.Kind, StringComparison.Ordinal) && !string.IsNullOrWhiteSpace(e.Reference)))
                    {
                        reasons.Add(new CoverageReason(ShipmentCodes.ConditionUnmet,
                            $"License {license.Number} has the condition '{condition.Kind}' and the shipment presents no evidence of that kind with a reference."));
                    }

                    break;
                case ConditionKinds.ChinaUsVolumeCap when chinaBound:
                    var toChina = await ShippedAsync(l => l.Item == item && china.Contains(l.Country), batch, ct) + pendingItem + quantity;
                    var us = await ShippedAsync(l => l.Item == item && l.Country == capScope.Origin, batch, ct);
                    if (toChina > condition.Ratio!.Value * us)
                    {
                        reasons.Add(new CoverageReason(ShipmentCodes.VolumeCapExceeded,
                            $"'{item}' to {string.Join(" and ", china.Select(CountryText))} would reach {toChina} units against {us} shipped to {CountryText(capScope.Origin)}; license {license.Number} allows at most {condition.Ratio.Value.ToString(CultureInfo.InvariantCulture)} of the units shipped to {capScope.Origin} ({capScope.Citation}, as a condition of the license)."));
                    }

                    break;
                case ConditionKinds.ChinaImportApproval when chinaBound:
                    var approved = await db.Set<ChinaApproval>().Where(a => a.BuyerKey == buyerKey && a.Item == item && (a.Status == ChinaApprovals.Approved || a.Status == ChinaApprovals.Conditional))
                        .SumAsync(a => a.Quantity, ct);
                    var toBuyer = await ShippedAsync(l => l.BuyerKey == buyerKey && l.Item == item && china.Contains(l.Country), batch, ct) + pendingItem + quantity;
                    if (toBuyer > approved)
                    {
                        reasons.Add(new CoverageReason(ShipmentCodes.ChinaImportApprovalMissing,
                            $"China's approvals on record let '{buyer.Name}' import {approved} units of '{item}'; with this shipment it would receive {toBuyer} (condition of license {license.Number})."));
                    }

                    break;
                case ConditionKinds.PerCustomerCap:
                    var customer = await ShippedAsync(l => l.LicenseId == license.Id && l.BuyerKey == buyerKey, batch, ct) + pendingLicense + quantity;
                    if (customer > condition.Quantity!.Value)
                    {
                        reasons.Add(new CoverageReason(ShipmentCodes.ConditionUnmet,
                            $"License {license.Number} has the condition 'per-customer-cap' of {condition.Quantity.Value} units; '{buyer.Name}' would receive {customer}."));
                    }

                    break;
            }
        }
    }

    string CountryText(string code) => pipeline.Countries.Name(code) is { } name ? $"{name} ({code})" : code;

    /// <summary>Units shipped on the lines <paramref name="where"/> selects: those stored, and those drawn earlier in this
    /// batch (<paramref name="batch"/>, not saved yet; the predicate is interpreted there, not compiled, as it runs once
    /// over a few lines).</summary>
    async Task<long> ShippedAsync(System.Linq.Expressions.Expression<Func<ShipmentLine, bool>> where, IReadOnlyList<ShipmentLine> batch, CancellationToken ct) =>
        await db.Set<ShipmentLine>().Where(where).SumAsync(l => l.Quantity, ct) + (batch.Count == 0 ? 0 : batch.Where(where.Compile(preferInterpretation: true)).Sum(l => l.Quantity));

    static Dictionary<string, string[]> Validate(ShipmentRequest? request)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request is null)
        {
            errors["$"] = ["Required: { lines, invoice, evidence }."];
            return errors;
        }

        if (request.Lines is not { Count: > 0 and <= 10_000 })
        {
            errors["$.lines"] = ["Required: at least one { line, quantity }."];
        }
        else
        {
            for (var i = 0; i < request.Lines.Count; i++)
            {
                if (request.Lines[i] is not { } line)
                {
                    errors[$"$.lines[{i}]"] = ["Required: { line, quantity }."];
                    continue;
                }

                if (line.Line is not >= 0)
                {
                    errors[$"$.lines[{i}].line"] = ["Required: the order line, from 0."];
                }

                if (line.Quantity is not { } q || q < 1 || q != decimal.Truncate(q) || q > long.MaxValue)
                {
                    errors[$"$.lines[{i}].quantity"] = ["Required: a whole number of units, 1 or more."];
                }
            }
        }

        if (request.Invoice is not { } invoice)
        {
            errors["$.invoice"] = ["Required: { number, date, amount }."];
        }
        else
        {
            if (string.IsNullOrWhiteSpace(invoice.Number) || invoice.Number.Trim().Length > MaximumTextLength)
            {
                errors["$.invoice.number"] = [$"Required: 1 to {MaximumTextLength} characters."];
            }

            if (invoice.Date is null)
            {
                errors["$.invoice.date"] = ["Required: YYYY-MM-DD."];
            }

            if (invoice.Amount is not { } amount || amount < 0 || decimal.Round(amount, 2) != amount || amount >= 1e16m)
            {
                errors["$.invoice.amount"] = ["Required: an amount of 0 or more with at most two decimals."];
            }
        }

        for (var i = 0; i < (request.Evidence?.Count ?? 0); i++)
        {
            if (request.Evidence![i] is not { Kind: { Length: > 0 and <= MaximumTextLength }, Reference: { Length: > 0 and <= MaximumTextLength } })
            {
                errors[$"$.evidence[{i}]"] = [$"Required: {{ kind, reference }}, each 1 to {MaximumTextLength} characters."];
            }
        }

        return errors;
    }
}
