using System.Globalization;
using Clearance.Alerts;
using Clearance.Audit;
using Clearance.Data;
using Clearance.Orders;
using Microsoft.EntityFrameworkCore;

namespace Clearance.Parties;

/// <summary>The customer master: creates and updates parties, screening each on every save, with the change, its alerts
/// and its audit event in one transaction.</summary>
public sealed class PartyWorkflow(ClearanceDbContext db, AuditLog audit, AlertWorkflow alerts, OrderPipeline pipeline, TimeProvider clock)
{
    public const int MaximumNameLength = 1000;
    public const int MaximumAliases = 50;
    public const int MaximumOwners = 50;
    public const int MaximumAddressLength = 2000;
    public const int MaximumReferenceLength = 128;
    public const int MaximumListed = 1000;

    public async Task<PartyOutcome> CreateAsync(string actor, PartyFields fields, CancellationToken ct)
    {
        var errors = Validate(fields);
        if (errors.Count > 0)
        {
            return new PartyOutcome(PartyResult.Invalid, null, errors, []);
        }

        var now = AuditChain.Truncate(clock.GetUtcNow());
        await using var transaction = await audit.BeginAsync(ct);
        var reference = Trimmed(fields.ExternalReference);
        if (reference is not null && await db.Parties.AnyAsync(p => p.ExternalReference == reference, ct))
        {
            return new PartyOutcome(PartyResult.DuplicateReference, null, new Dictionary<string, string[]>(), []);
        }

        var (party, raised) = await AddAsync(actor, fields, now, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new PartyOutcome(PartyResult.Saved, party, new Dictionary<string, string[]>(), raised);
    }

    /// <summary>Replaces the party's fields and screens it again; an unchanged subject against unchanged entries raises
    /// nothing new (see <see cref="AlertWorkflow"/>).</summary>
    public async Task<PartyOutcome> UpdateAsync(string actor, long id, PartyFields fields, CancellationToken ct)
    {
        var errors = Validate(fields);
        if (errors.Count > 0)
        {
            return new PartyOutcome(PartyResult.Invalid, null, errors, []);
        }

        await using var transaction = await audit.BeginAsync(ct);
        var party = await db.Parties.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (party is null)
        {
            return new PartyOutcome(PartyResult.NotFound, null, new Dictionary<string, string[]>(), []);
        }

        var reference = Trimmed(fields.ExternalReference);
        if (reference is not null && await db.Parties.AnyAsync(p => p.ExternalReference == reference && p.Id != id, ct))
        {
            return new PartyOutcome(PartyResult.DuplicateReference, party, new Dictionary<string, string[]>(), []);
        }

        var before = Record(party);
        var subjectBefore = Subjects(party);
        Apply(party, fields);
        party.UpdatedBy = actor;
        party.UpdatedAt = AuditChain.Truncate(clock.GetUtcNow());
        var raised = await alerts.ScreenPartyAsync(party, null, null, ct);
        await audit.AppendAsync(
            new AuditEntry(actor, "party.updated", "party", party.Id.ToString(CultureInfo.InvariantCulture),
                new { Before = before, Party = Record(party), MaterialChange = !subjectBefore.SequenceEqual(Subjects(party), StringComparer.Ordinal), Raised = raised.Select(RaisedAlert.Of).ToList() })
            {
                ListVersionHash = party.ListVersionHash,
            },
            ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new PartyOutcome(PartyResult.Saved, party, new Dictionary<string, string[]>(), raised);
    }

    /// <summary>Adds a party made of <paramref name="fields"/>, screens it, saves it and audits <c>party.created</c>,
    /// inside the caller's transaction.</summary>
    async Task<(Party Party, IReadOnlyList<Alert> Raised)> AddAsync(string actor, PartyFields fields, DateTime now, CancellationToken ct)
    {
        var party = new Party
        {
            Name = "",
            Country = "",
            SubjectKey = "",
            NameKey = "",
            CreatedBy = actor,
            CreatedAt = now,
            UpdatedBy = actor,
            UpdatedAt = now,
            ScreenedAt = now,
            ListVersionHash = "",
        };
        Apply(party, fields);
        db.Parties.Add(party);
        var raised = await alerts.ScreenPartyAsync(party, null, null, ct);
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(
            new AuditEntry(actor, "party.created", "party", party.Id.ToString(CultureInfo.InvariantCulture),
                new { Party = Record(party), Raised = raised.Select(RaisedAlert.Of).ToList() })
            {
                ListVersionHash = party.ListVersionHash,
            },
            ct);
        return (party, raised);
    }

    /// <summary>
    /// Inside the caller's transaction (<see cref="AuditLog.BeginAsync"/>): the party-master party with this primary name
    /// and country (<see cref="ScreeningSubject.NameKey"/>), screened again against the current lists, or a new party
    /// created from <paramref name="fields"/>, screened, with its <c>party.created</c> event. The caller saves and commits.
    /// </summary>
    public async Task<PartyOutcome> EnlistAsync(string actor, PartyFields fields, CancellationToken ct)
    {
        var errors = Validate(fields);
        if (errors.Count > 0)
        {
            return new PartyOutcome(PartyResult.Invalid, null, errors, []);
        }

        var nameKey = ScreeningSubject.NameKey(fields.Name!.Trim(), fields.Country);
        var known = await db.Parties.Where(p => p.NameKey == nameKey).OrderBy(p => p.Id).FirstOrDefaultAsync(ct);
        if (known is not null)
        {
            return new PartyOutcome(PartyResult.Saved, known, errors, await alerts.ScreenPartyAsync(known, null, null, ct));
        }

        var now = AuditChain.Truncate(clock.GetUtcNow());
        var (party, raised) = await AddAsync(actor, fields with { ExternalReference = null }, now, ct);
        return new PartyOutcome(PartyResult.Saved, party, errors, raised);
    }

    /// <summary>Per party: its open alerts and the true matches standing for it (raised on the party, or on an order
    /// naming it by name and country, whose entry the lists screened now still carry).</summary>
    public async Task<IReadOnlyDictionary<long, (IReadOnlyList<Alert> Open, IReadOnlyList<Alert> TrueMatches)>> BlockingAlertsAsync(
        IReadOnlyCollection<Party> parties, CancellationToken ct)
    {
        var ids = parties.Select(p => p.Id).ToList();
        var keys = parties.Select(p => p.NameKey).Distinct(StringComparer.Ordinal).ToList();
        var found = await db.Alerts.AsNoTracking()
            .Where(a => (a.Status == AlertStatus.Open && a.PartyId != null && ids.Contains(a.PartyId.Value))
                || (a.Status == AlertStatus.TrueMatch && ((a.PartyId != null && ids.Contains(a.PartyId.Value)) || keys.Contains(a.NameKey))))
            .OrderBy(a => a.Id)
            .ToListAsync(ct);
        return parties.ToDictionary(
            p => p.Id,
            p => ((IReadOnlyList<Alert>)[.. found.Where(a => a.Status == AlertStatus.Open && a.PartyId == p.Id)],
                (IReadOnlyList<Alert>)[.. found.Where(a => a.Status == AlertStatus.TrueMatch && (a.PartyId == p.Id || a.NameKey == p.NameKey) && alerts.Stands(a.List, a.EntryId))]));
    }

    /// <summary>The party, untracked, with its last screening (<see cref="WithLastScreeningAsync"/>).</summary>
    public async Task<Party?> FindAsync(long id, CancellationToken ct) =>
        await db.Parties.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct) is { } party
            ? (await WithLastScreeningAsync([party], ct))[0]
            : null;

    /// <summary>Newest first, at most <see cref="MaximumListed"/>, with their last screening (<see cref="WithLastScreeningAsync"/>).</summary>
    public async Task<IReadOnlyList<Party>> ListAsync(PartyFilter filter, CancellationToken ct) =>
        await WithLastScreeningAsync(await Filtered(filter).OrderByDescending(p => p.Id).Take(MaximumListed).ToListAsync(ct), ct);

    /// <summary>
    /// Sets on each of <paramref name="parties"/> (read untracked: nothing is written back) its last screening: its own
    /// (<see cref="Party.ScreenedAt"/>) or that of the latest re-screening batch covering its id
    /// (<see cref="ScreeningStamp"/>), whichever is later; returns the same list.
    /// </summary>
    public async Task<IReadOnlyList<Party>> WithLastScreeningAsync(IReadOnlyList<Party> parties, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(parties);
        if (parties.Count == 0)
        {
            return parties;
        }

        var first = parties.Min(p => p.Id);
        var last = parties.Max(p => p.Id);
        // Passes keep the batches of the last finished pass and of those running, so this is a few rows per pass.
        var stamps = await db.ScreeningStamps.AsNoTracking()
            .Where(s => s.LastPartyId >= first && s.AfterPartyId < last)
            .OrderBy(s => s.PassId).ThenBy(s => s.LastPartyId)
            .ToListAsync(ct);
        foreach (var party in parties)
        {
            foreach (var stamp in stamps)
            {
                if (stamp.AfterPartyId < party.Id && party.Id <= stamp.LastPartyId && stamp.ScreenedAt >= party.ScreenedAt)
                {
                    party.ScreenedAt = stamp.ScreenedAt;
                    party.ListVersionHash = stamp.ListVersionHash;
                }
            }
        }

        return parties;
    }

    /// <summary>One page of the parties that match, by name (as the database orders text) then id, counted and cut on
    /// the database; <paramref name="page"/> counts from 1 and is moved back to the last page when it lies beyond it.</summary>
    public async Task<(IReadOnlyList<Party> Rows, int Total, int Page)> PageAsync(PartyFilter filter, int page, int pageSize, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        var query = Filtered(filter);
        var total = await query.CountAsync(ct);
        page = Math.Clamp(page, 1, Math.Max(1, (total + pageSize - 1) / pageSize));
        var rows = await query.OrderBy(p => p.Name).ThenBy(p => p.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return (await WithLastScreeningAsync(rows, ct), total, page);
    }

    IQueryable<Party> Filtered(PartyFilter filter)
    {
        var query = db.Parties.AsNoTracking();
        if (filter.Name is { } name)
        {
            // Case is ignored the database's way on both sides (SQLite's upper() folds ASCII letters only).
            query = query.Where(p => p.Name.ToUpper().Contains(name.ToUpper()));
        }

        if (filter.Country is { } country)
        {
            query = query.Where(p => p.Country == country);
        }

        if (filter.ExternalReference is { } reference)
        {
            query = query.Where(p => p.ExternalReference == reference);
        }

        if (filter.OpenAlerts is { } open)
        {
            query = query.Where(p => db.Alerts.Any(a => a.PartyId == p.Id && a.Status == AlertStatus.Open) == open);
        }

        return query;
    }

    /// <summary>Open alerts and standing true matches (<see cref="AlertWorkflow.Stands"/>) per party.</summary>
    public async Task<IReadOnlyDictionary<long, (int Open, int TrueMatches)>> AlertCountsAsync(IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        var found = await db.Alerts.AsNoTracking()
            .Where(a => a.PartyId != null && ids.Contains(a.PartyId.Value) && (a.Status == AlertStatus.Open || a.Status == AlertStatus.TrueMatch))
            .Select(a => new { PartyId = a.PartyId!.Value, a.Status, a.List, a.EntryId })
            .ToListAsync(ct);
        return ids.ToDictionary(
            id => id,
            id => (found.Count(a => a.PartyId == id && a.Status == AlertStatus.Open),
                found.Count(a => a.PartyId == id && a.Status == AlertStatus.TrueMatch && alerts.Stands(a.List, a.EntryId))));
    }

    Dictionary<string, string[]> Validate(PartyFields fields)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var name = Trimmed(fields.Name);
        if (name is null || name.Length > MaximumNameLength)
        {
            errors["name"] = [$"Required: 1 to {MaximumNameLength} characters."];
        }

        var aliases = fields.Aliases ?? [];
        if (aliases.Count > MaximumAliases)
        {
            errors["aliases"] = [$"At most {MaximumAliases} aliases."];
        }

        for (var i = 0; i < aliases.Count; i++)
        {
            if (Trimmed(aliases[i]) is not { Length: <= MaximumNameLength })
            {
                errors[$"aliases[{i}]"] = [$"An alias is 1 to {MaximumNameLength} characters."];
            }
        }

        var owners = fields.Owners ?? [];
        if (owners.Count > MaximumOwners)
        {
            errors["owners"] = [$"At most {MaximumOwners} owners."];
        }

        var shares = 0.0;
        for (var i = 0; i < owners.Count; i++)
        {
            var path = $"owners[{i.ToString(CultureInfo.InvariantCulture)}]";
            if (owners[i] is not { } owner)
            {
                errors[path] = ["An owner is an object with a name."];
                continue;
            }

            if (Trimmed(owner.Name) is not { Length: <= MaximumNameLength })
            {
                errors[$"{path}.name"] = [$"Required: 1 to {MaximumNameLength} characters."];
            }
            else if (FreeText.ControlCharacterProblem(owner.Name) is { } problem)
            {
                errors[$"{path}.name"] = [problem];
            }

            if (owner.Country is not null && !IsCountry(owner.Country))
            {
                errors[$"{path}.country"] = ["An ISO 3166-1 alpha-2 code in capitals, such as CN, or absent."];
            }

            if (owner.Percent is { } percent)
            {
                if (!double.IsFinite(percent) || percent is < 0 or > 100)
                {
                    errors[$"{path}.percent"] = ["A share between 0 and 100 percent, or absent when not known."];
                }
                else
                {
                    shares += percent;
                }
            }
        }

        // A rounding margin: three owners of 33.333...% each are 100%.
        if (shares > 100 + 1e-6)
        {
            errors.TryAdd("owners", [string.Create(CultureInfo.InvariantCulture, $"The owners' shares add up to {shares:0.###}%, more than 100%.")]);
        }

        if (!IsCountry(fields.Country))
        {
            errors["country"] = ["Required: an ISO 3166-1 alpha-2 code in capitals, such as CN."];
        }

        if (fields.Headquarters is not null && !IsCountry(fields.Headquarters))
        {
            errors["headquarters"] = ["An ISO 3166-1 alpha-2 code in capitals, such as CN, or absent."];
        }

        if (fields.Address is { Length: > MaximumAddressLength })
        {
            errors["address"] = [$"At most {MaximumAddressLength} characters."];
        }

        if (fields.ExternalReference is { } reference && (Trimmed(reference) is null || reference.Length > MaximumReferenceLength))
        {
            errors["externalReference"] = [$"1 to {MaximumReferenceLength} characters, or absent."];
        }

        foreach (var (field, text, lineBreaks) in ((string, string?, bool)[])[("name", fields.Name, false), ("address", fields.Address, true), ("externalReference", fields.ExternalReference, false)])
        {
            if (FreeText.ControlCharacterProblem(text, lineBreaks) is { } problem)
            {
                errors.TryAdd(field, [problem]);
            }
        }

        for (var i = 0; i < aliases.Count; i++)
        {
            if (FreeText.ControlCharacterProblem(aliases[i]) is { } problem)
            {
                errors.TryAdd($"aliases[{i}]", [problem]);
            }
        }

        return errors;
    }

    bool IsCountry(string? code) => code is { Length: 2 } && code.All(char.IsAsciiLetterUpper) && pipeline.Countries.IsKnown(code);

    static void Apply(Party party, PartyFields fields)
    {
        party.Name = Trimmed(fields.Name)!;
        party.Aliases = [.. (fields.Aliases ?? []).Select(a => Trimmed(a)!).Distinct(StringComparer.Ordinal)];
        party.Country = fields.Country!;
        party.Address = Trimmed(fields.Address);
        party.Headquarters = fields.Headquarters;
        party.ExternalReference = Trimmed(fields.ExternalReference);
        party.Owners = [.. (fields.Owners ?? []).Select(o => new PartyOwner { Name = Trimmed(o!.Name)!, Country = o.Country, Percent = o.Percent })];
        party.SubjectKey = ScreeningSubject.Key(party.Name, party.Aliases, party.Country);
        party.NameKey = ScreeningSubject.NameKey(party.Name, party.Country);
    }

    static object Record(Party party) => new
    {
        party.Name,
        Aliases = party.Aliases.ToList(),
        party.Country,
        party.Address,
        party.Headquarters,
        party.ExternalReference,
        Owners = party.Owners.Select(o => new { o.Name, o.Country, o.Percent }).ToList(),
        party.SubjectKey,
    };

    /// <summary>What screening reads of the party and of each owner: a change of any is material.</summary>
    static List<string> Subjects(Party party) =>
        [party.SubjectKey, .. party.Owners.Select(o => ScreeningSubject.Key(o.Name, [], o.Country)).Order(StringComparer.Ordinal)];

    static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
