using System.Globalization;
using Clearance.Audit;
using Clearance.Data;
using Clearance.Orders;
using Clearance.Rules;
using Clearance.Rules.Licensing;
using Clearance.Shipments;
using Microsoft.EntityFrameworkCore;

namespace Clearance.Licenses;

/// <summary>
/// Licenses and their hold on orders. Every change, and every reservation it makes or releases, is written with its
/// audit event in one transaction under the audit chain's lock; that lock serialises all writers on both providers, so
/// the amounts left on a license line are read and drawn down by one writer at a time and never go below zero.
/// </summary>
public sealed class LicenseWorkflow(ClearanceDbContext db, AuditLog audit, OrderPipeline pipeline, TimeProvider clock)
{
    public const int MaximumListed = 1000;

    /// <summary>A license whose last day is at most this many days away is near expiry.</summary>
    public const int ExpiryWindowDays = 90;

    /// <summary>A license line with at least this share of its quantity or value reserved or shipped is near exhaustion.</summary>
    public const decimal ExhaustionShare = 0.9m;

    readonly LicenseMatcher _matcher = new(pipeline.Data.Regulation);

    /// <summary>The first day a license may be used, under the rulebook's NAC notice period.</summary>
    public DateOnly UsableFrom(LicenseTerms terms) => terms.UsableFrom(pipeline.Data.Regulation);

    public LicenseValidator Validator { get; } = new(pipeline.Data.Catalog, pipeline.Data.Countries);

    public async Task<LicenseOutcome> CreateAsync(string actor, LicenseRequest? request, CancellationToken ct)
    {
        await using var transaction = await audit.BeginAsync(ct);
        var outcome = await AddAsync(actor, request, ct);
        if (outcome.Result == LicenseResult.Saved)
        {
            await transaction.CommitAsync(ct);
        }

        return outcome;
    }

    /// <summary>Creates the license inside the caller's transaction (<see cref="AuditLog.BeginAsync"/>), with its
    /// <c>license.created</c> event, and matches the orders waiting for a license; the caller commits.</summary>
    public async Task<LicenseOutcome> AddAsync(string actor, LicenseRequest? request, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var terms = Validator.Validate(request, "$", errors);
        if (terms is null)
        {
            return new LicenseOutcome(LicenseResult.Invalid, null, errors);
        }

        var now = AuditChain.Truncate(clock.GetUtcNow());
        if (await db.Licenses.AnyAsync(l => l.Number == terms.Number, ct))
        {
            errors["$.number"] = [$"A license numbered '{terms.Number}' is already on record."];
            return new LicenseOutcome(LicenseResult.Invalid, null, errors);
        }

        var license = new License
        {
            Number = terms.Number,
            Type = terms.Type,
            Holder = terms.Holder,
            ValidFrom = terms.ValidFrom,
            ValidTo = terms.ValidTo,
            Currency = terms.Currency,
            NotifiedOn = terms.NotifiedOn,
            ConfirmationNumber = terms.ConfirmationNumber,
            TermsJson = LicenseJson.Write(terms),
            CreatedBy = actor,
            CreatedAt = now,
            UpdatedBy = actor,
            UpdatedAt = now,
            Lines = [.. terms.Lines.Select((l, i) => new LicenseLine { Index = i, Item = l.Item, Quantity = l.Quantity, Value = l.Value })],
        };
        db.Licenses.Add(license);
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(new AuditEntry(actor, "license.created", "license", Key(license.Id), new { Terms = terms }), ct);
        await RematchAsync(actor, license, ct);
        await db.SaveChangesAsync(ct);
        return new LicenseOutcome(LicenseResult.Saved, license, errors);
    }

    /// <summary>Replaces the license's terms. Its reservations are released and every order waiting for a license, or
    /// holding this one, is matched again. A line cannot go below what was shipped on it, and lines are never removed.</summary>
    public async Task<LicenseOutcome> AmendAsync(string actor, long id, string reason, LicenseRequest? request, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var terms = Validator.Validate(request, "$.license", errors);
        if (terms is null)
        {
            return new LicenseOutcome(LicenseResult.Invalid, null, errors);
        }

        var now = AuditChain.Truncate(clock.GetUtcNow());
        await using var transaction = await audit.BeginAsync(ct);
        var license = await db.Licenses.Include(l => l.Lines).SingleOrDefaultAsync(l => l.Id == id, ct);
        if (license is null)
        {
            return new LicenseOutcome(LicenseResult.NotFound, null, errors);
        }

        if (license.Revoked)
        {
            return new LicenseOutcome(LicenseResult.Conflict, license, errors, $"License {license.Number} was revoked on {license.RevokedAt:yyyy-MM-dd}; a revoked license is not amended.");
        }

        if (!string.Equals(terms.Number, license.Number, StringComparison.Ordinal) && await db.Licenses.AnyAsync(l => l.Number == terms.Number, ct))
        {
            errors["$.license.number"] = [$"A license numbered '{terms.Number}' is already on record."];
            return new LicenseOutcome(LicenseResult.Invalid, null, errors);
        }

        var lines = license.Lines.OrderBy(l => l.Index).ToList();
        if (terms.Lines.Count < lines.Count)
        {
            errors["$.license.lines"] = [$"An amendment keeps every line of the license ({lines.Count}); set a line's quantity and value to what was shipped to close it."];
        }

        for (var i = 0; i < Math.Min(lines.Count, terms.Lines.Count); i++)
        {
            if (terms.Lines[i].Quantity < lines[i].QuantityShipped)
            {
                errors[$"$.license.lines[{i}].quantity"] = [$"{lines[i].QuantityShipped} units were already shipped on this line."];
            }

            if (terms.Lines[i].Value < lines[i].ValueShipped)
            {
                errors[$"$.license.lines[{i}].value"] = [$"{lines[i].ValueShipped.ToString("0.00", CultureInfo.InvariantCulture)} was already shipped on this line."];
            }
        }

        if (errors.Count > 0)
        {
            return new LicenseOutcome(LicenseResult.Invalid, null, errors);
        }

        var before = LicenseJson.ReadTerms(license.TermsJson);
        license.Number = terms.Number;
        license.Type = terms.Type;
        license.Holder = terms.Holder;
        license.ValidFrom = terms.ValidFrom;
        license.ValidTo = terms.ValidTo;
        license.Currency = terms.Currency;
        license.NotifiedOn = terms.NotifiedOn;
        license.ConfirmationNumber = terms.ConfirmationNumber;
        license.TermsJson = LicenseJson.Write(terms);
        license.UpdatedBy = actor;
        license.UpdatedAt = now;
        for (var i = 0; i < terms.Lines.Count; i++)
        {
            if (i < lines.Count)
            {
                lines[i].Item = terms.Lines[i].Item;
                lines[i].Quantity = terms.Lines[i].Quantity;
                lines[i].Value = terms.Lines[i].Value;
            }
            else
            {
                license.Lines.Add(new LicenseLine { Index = i, Item = terms.Lines[i].Item, Quantity = terms.Lines[i].Quantity, Value = terms.Lines[i].Value });
            }
        }

        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(new AuditEntry(actor, "license.amended", "license", Key(license.Id), new { Reason = reason, Before = before, After = terms }), ct);
        await RematchAsync(actor, license, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new LicenseOutcome(LicenseResult.Saved, license, errors);
    }

    /// <summary>Revokes the license: its reservations are released and the orders holding them matched again.</summary>
    public async Task<LicenseOutcome> RevokeAsync(string actor, long id, string reason, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var now = AuditChain.Truncate(clock.GetUtcNow());
        await using var transaction = await audit.BeginAsync(ct);
        var license = await db.Licenses.Include(l => l.Lines).SingleOrDefaultAsync(l => l.Id == id, ct);
        if (license is null)
        {
            return new LicenseOutcome(LicenseResult.NotFound, null, errors);
        }

        if (license.Revoked)
        {
            return new LicenseOutcome(LicenseResult.Conflict, license, errors, $"License {license.Number} was already revoked on {license.RevokedAt:yyyy-MM-dd}.");
        }

        license.Revoked = true;
        license.RevokedAt = now;
        license.RevokedBy = actor;
        license.RevokeReason = reason;
        license.UpdatedBy = actor;
        license.UpdatedAt = now;
        await audit.AppendAsync(new AuditEntry(actor, "license.revoked", "license", Key(license.Id), new { license.Number, Reason = reason }), ct);
        await RematchAsync(actor, license, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new LicenseOutcome(LicenseResult.Saved, license, errors);
    }

    public Task<License?> FindAsync(long id, CancellationToken ct) =>
        db.Licenses.AsNoTracking().Include(l => l.Lines).SingleOrDefaultAsync(l => l.Id == id, ct);

    /// <summary>The license's reservations and the shipment lines drawn from it, oldest first.</summary>
    public async Task<LicenseHistory> HistoryAsync(long id, CancellationToken ct)
    {
        var reservations = await db.LicenseReservations.AsNoTracking().Where(r => r.LicenseId == id).OrderBy(r => r.Id).ToListAsync(ct);
        var draws = await db.Set<ShipmentLine>().AsNoTracking().Where(l => l.LicenseId == id && l.LicenseLineId != null)
            .Join(db.Set<Shipment>().AsNoTracking(), l => l.ShipmentId, s => s.Id, (l, s) => new { l.Id, s.OrderId, l.ShipmentId, s.ShipDate, s.CreatedAt, l.LicenseLineId, l.Quantity, l.Value })
            .OrderBy(x => x.Id).ToListAsync(ct);
        return new LicenseHistory(reservations, [.. draws.Select(d => new LicenseDraw(d.ShipmentId, d.OrderId, d.ShipDate, d.CreatedAt, d.LicenseLineId!.Value, d.Quantity, d.Value))]);
    }

    /// <summary>The ids of the licenses on record under <paramref name="numbers"/> (a number is unique); numbers with no
    /// license are left out.</summary>
    public async Task<IReadOnlyDictionary<string, long>> IdsByNumberAsync(IReadOnlyCollection<string> numbers, CancellationToken ct) =>
        numbers.Count == 0
            ? new Dictionary<string, long>(StringComparer.Ordinal)
            : await db.Licenses.AsNoTracking().Where(l => numbers.Contains(l.Number)).ToDictionaryAsync(l => l.Number, l => l.Id, StringComparer.Ordinal, ct);

    /// <summary>Newest first, at most <see cref="MaximumListed"/>.</summary>
    public async Task<IReadOnlyList<License>> ListAsync(CancellationToken ct) =>
        await db.Licenses.AsNoTracking().Include(l => l.Lines).OrderByDescending(l => l.Id).Take(MaximumListed).ToListAsync(ct);

    /// <summary>Licenses near expiry (<see cref="ExpiryWindowDays"/>) or exhaustion (<see cref="ExhaustionShare"/>) and
    /// orders waiting for a license (at most <see cref="MaximumListed"/>, oldest first), as of today by the clock.</summary>
    public async Task<LicenseWatch> WatchAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var active = await db.Licenses.AsNoTracking().Include(l => l.Lines).Where(l => !l.Revoked && l.ValidTo >= today).OrderBy(l => l.Id).ToListAsync(ct);
        var expiring = active.Where(l => l.ValidTo.DayNumber - today.DayNumber <= ExpiryWindowDays)
            .Select(l => new ExpiringLicense(l.Id, l.Number, l.Holder, l.ValidTo, l.ValidTo.DayNumber - today.DayNumber))
            .OrderBy(l => l.ValidTo).ThenBy(l => l.LicenseId).ToList();
        var exhausting = new List<ExhaustingLine>();
        foreach (var license in active)
        {
            foreach (var line in license.Lines.OrderBy(l => l.Index))
            {
                var quantityUsed = line.QuantityReserved + line.QuantityShipped;
                var valueUsed = line.ValueReserved + line.ValueShipped;
                var share = Math.Max(line.Quantity == 0 ? 1m : (decimal)quantityUsed / line.Quantity, line.Value == 0 ? 1m : valueUsed / line.Value);
                if (share >= ExhaustionShare)
                {
                    exhausting.Add(new ExhaustingLine(license.Id, license.Number, line.Index, line.Item, line.Quantity, quantityUsed, line.Value, valueUsed, decimal.Round(share, 4)));
                }
            }
        }

        var orders = await db.Orders.AsNoTracking().Where(o => o.AwaitsLicense && o.Status == OrderStatus.LicenseRequired)
            .OrderBy(o => o.Id).Take(MaximumListed).ToListAsync(ct);
        var waiting = new List<WaitingOrder>();
        foreach (var order in orders)
        {
            var lines = DecisionJson.Read(order.DecisionJson).Lines;
            waiting.Add(new WaitingOrder(order.Id, order.Reference, order.OrderDate, order.Destination,
                [.. LicenseJson.ReadCoverage(order.LicenseJson).Where(c => !c.Covered).Select(c => new WaitingLine(
                    c.Line, lines[c.Line].Item, lines[c.Line].Eccn, c.Number, c.Reasons))]));
        }

        return new LicenseWatch(today, ExpiryWindowDays, ExhaustionShare, expiring,
            [.. exhausting.OrderByDescending(l => l.Share).ThenBy(l => l.LicenseId).ThenBy(l => l.Line)], waiting);
    }

    /// <summary>Matches newly stored orders (with ids) against the licenses, in the caller's transaction under the
    /// audit chain's lock, in list order: each covered line reserves its amounts before the next order is matched.</summary>
    public async Task CoverAsync(IReadOnlyList<(Order Order, OrderInput Input, Decision Decision)> orders, CancellationToken ct)
    {
        var demands = orders.Select(o => (o.Order, Demand: LicenseDemand.From(o.Input, o.Decision))).Where(o => o.Demand.NeedsLicense).ToList();
        if (demands.Count == 0)
        {
            return;
        }

        var book = await BookAsync(ct);
        var now = AuditChain.Truncate(clock.GetUtcNow());
        foreach (var (order, demand) in demands)
        {
            Apply(order, demand, [], book, now);
        }
    }

    /// <summary>Releases the changed license's reservations and matches again every order that holds one or waits.</summary>
    /// <remarks>A reservation partly shipped releases only what is left of it: the shipped units stay shipped on the
    /// license line, and the order line is matched again for its units not yet shipped (a line wholly shipped keeps its
    /// coverage).</remarks>
    async Task RematchAsync(string actor, License changed, CancellationToken ct)
    {
        var now = AuditChain.Truncate(clock.GetUtcNow());
        var released = await db.LicenseReservations.Where(r => r.LicenseId == changed.Id && !r.Released).ToListAsync(ct);
        var lines = changed.Lines.ToDictionary(l => l.Id);
        foreach (var reservation in released)
        {
            reservation.Released = true;
            reservation.ReleasedAt = now;
            lines[reservation.LicenseLineId].QuantityReserved -= reservation.Quantity - reservation.QuantityShipped;
            lines[reservation.LicenseLineId].ValueReserved -= reservation.Value - reservation.ValueShipped;
        }

        await db.SaveChangesAsync(ct);
        var affected = released.Select(r => r.OrderId).Distinct().ToList();
        var orders = await db.Orders.Where(o => o.AwaitsLicense || affected.Contains(o.Id)).OrderBy(o => o.Id).ToListAsync(ct);
        if (orders.Count == 0)
        {
            return;
        }

        var live = (await db.LicenseReservations.Where(r => !r.Released && affected.Contains(r.OrderId)).ToListAsync(ct))
            .ToLookup(r => r.OrderId);
        var ids = orders.Select(o => o.Id).ToList();
        var shipped = (await db.LicenseReservations.AsNoTracking().Where(r => ids.Contains(r.OrderId) && r.QuantityShipped > 0)
                .Select(r => new { r.OrderId, r.Line, r.QuantityShipped }).ToListAsync(ct))
            .GroupBy(r => (r.OrderId, r.Line))
            .ToDictionary(g => g.Key, g => g.Sum(r => r.QuantityShipped));
        var book = await BookAsync(ct);
        foreach (var order in orders)
        {
            var (input, _) = pipeline.Reader.ReadOne(order.OrderJson, "stored order");
            if (input is null)
            {
                // An order that no longer reads under today's data (an item left the catalog) keeps its coverage.
                continue;
            }

            var demand = LicenseDemand.From(input, DecidedLines(order.DecisionJson));
            demand = demand with
            {
                Lines = [.. demand.Lines.Select(l => shipped.TryGetValue((order.Id, l.Index), out var units) ? l with { Quantity = l.Quantity - units } : l)],
            };
            var remaining = demand.Lines.ToDictionary(l => l.Index, l => l.Quantity);
            var kept = LicenseJson.ReadCoverage(order.LicenseJson)
                .Where(c => c.Covered && (!affected.Contains(order.Id) || live[order.Id].Any(r => r.Line == c.Line)
                    || remaining.GetValueOrDefault(c.Line) <= 0))
                .ToList();
            var before = order.LicenseJson;
            Apply(order, demand, kept, book, now);
            if (!string.Equals(before, order.LicenseJson, StringComparison.Ordinal))
            {
                await audit.AppendAsync(new AuditEntry(actor, "order.license-matched", "order", Key(order.Id),
                    new { order.Reference, Status = order.Status.Name(), License = changed.Number, Coverage = LicenseJson.ReadCoverage(order.LicenseJson) }), ct);
            }
        }
    }

    /// <summary>Matches the order's lines not already covered (<paramref name="kept"/>), reserves what is covered and
    /// sets the order's coverage and status.</summary>
    void Apply(Order order, LicenseDemand demand, List<LicenseCoverage> kept, LicenseBook book, DateTime now)
    {
        var keptLines = kept.Select(c => c.Line).ToHashSet();
        var open = demand with { Lines = [.. demand.Lines.Select(l => keptLines.Contains(l.Index) ? l with { LicenseRequired = false } : l)] };
        var coverage = kept.Concat(_matcher.Match(open, book.Licenses)).OrderBy(c => c.Line).ToList();
        foreach (var covered in coverage.Where(c => c.Covered && !keptLines.Contains(c.Line)))
        {
            var (license, lines) = book.Entities[covered.Number!];
            var line = lines[covered.LicenseLine!.Value];
            line.QuantityReserved += covered.Quantity;
            line.ValueReserved += covered.Value;
            db.LicenseReservations.Add(new LicenseReservation
            {
                OrderId = order.Id,
                Line = covered.Line,
                LicenseId = license.Id,
                LicenseLineId = line.Id,
                Quantity = covered.Quantity,
                Value = covered.Value,
                CreatedAt = now,
            });
        }

        order.LicenseJson = coverage.Count == 0 ? null : LicenseJson.Write(coverage);
        order.AwaitsLicense = coverage.Any(c => !c.Covered);
        if (coverage.Count > 0 && !order.AwaitsLicense && order.Status == OrderStatus.LicenseRequired)
        {
            order.Status = OrderStatus.Licensed;
            order.UpdatedAt = now;
        }
        else if (order.AwaitsLicense && order.Status == OrderStatus.Licensed)
        {
            order.Status = OrderStatus.LicenseRequired;
            order.UpdatedAt = now;
        }
    }

    /// <summary>The licenses not revoked, tracked, oldest first; expired ones too, so that an order they would have
    /// covered is told that they expired.</summary>
    async Task<LicenseBook> BookAsync(CancellationToken ct)
    {
        var licenses = await db.Licenses.Include(l => l.Lines).Where(l => !l.Revoked).OrderBy(l => l.Id).ToListAsync(ct);
        var book = new LicenseBook();
        foreach (var license in licenses)
        {
            var lines = license.Lines.OrderBy(l => l.Index).ToList();
            book.Licenses.Add(new BookLicense(LicenseJson.ReadTerms(license.TermsJson), [.. lines.Select(l => (l.QuantityLeft, l.ValueLeft))]));
            book.Entities[license.Number] = (license, lines);
        }

        return book;
    }

    static List<(string Eccn, bool LicenseRequired)> DecidedLines(string decisionJson) =>
        [.. DecisionJson.Read(decisionJson).Lines.Select(l => (l.Eccn, l.LicenseRequired))];

    static string Key(long id) => id.ToString(CultureInfo.InvariantCulture);

    sealed class LicenseBook
    {
        public List<BookLicense> Licenses { get; } = [];

        public Dictionary<string, (License License, List<LicenseLine> Lines)> Entities { get; } = new(StringComparer.Ordinal);
    }
}
