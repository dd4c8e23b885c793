using System.Globalization;
using System.Text.Json.Nodes;
using Clearance.Alerts;
using Clearance.Audit;
using Clearance.Data;
using Clearance.Orders;
using Clearance.Parties;
using Clearance.Rules;
using Clearance.Rules.Licensing;
using Clearance.Shipments;
using Microsoft.EntityFrameworkCore;

namespace Clearance.Licenses;

/// <summary>
/// License applications. A draft is read as an order is (items as lines, the whitelist as parties, the applicant as
/// exporter), so its items are resolved and classified, and its review path decided, by the one evaluation path; the
/// certifications it carries are the findings the license engine reports for that path. Whitelist parties are
/// party-master parties, screened when added and again on submission. An approval creates the license through
/// <see cref="LicenseWorkflow"/>. Every transition is written with its audit event in one transaction.
/// </summary>
public sealed class LicenseApplicationWorkflow(
    ClearanceDbContext db, AuditLog audit, OrderPipeline pipeline, AlertWorkflow alerts, PartyWorkflow parties, LicenseWorkflow licenses, TimeProvider clock)
{
    public const int MaximumListed = 1000;
    public const int MaximumStatements = 100;
    public const int MaximumTextLength = 4000;
    public const string EntityType = "license-application";
    public const string OpenAlert = "open-alert";
    public const string TrueMatch = "true-match";

    const DiffusionReading Reading = DiffusionReading.Enforced;
    static readonly string[] WhitelistRoles = ["buyer", "consignee", "end-user"];

    public async Task<ApplicationOutcome> CreateAsync(string actor, LicenseApplicationRequest? request, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var input = Read(request, errors);
        var statements = Statements(request?.EndUseStatements, errors);
        if (input is null || errors.Count > 0)
        {
            return new ApplicationOutcome(ApplicationResult.Invalid, null, errors);
        }

        var decision = pipeline.Evaluate(input, input.Date, Reading);
        var classified = pipeline.Classify(input, input.Date);
        var conditionCodes = pipeline.Data.Regulation.CaseByCaseConditionCodes;
        var now = AuditChain.Truncate(clock.GetUtcNow());
        await using var transaction = await audit.BeginAsync(ct);
        var whitelist = new List<ApplicationParty>();
        var raised = new List<Alert>();
        for (var i = 0; i < input.Parties.Count; i++)
        {
            var party = input.Parties[i];
            var enlisted = await parties.EnlistAsync(actor, new PartyFields(party.Name, [], party.Country, party.Address, party.Headquarters, null), ct);
            if (enlisted.Party is null)
            {
                foreach (var (field, messages) in enlisted.Errors)
                {
                    errors[$"$.parties[{i.ToString(CultureInfo.InvariantCulture)}].{field}"] = messages;
                }

                continue;
            }

            raised.AddRange(enlisted.Raised);
            whitelist.Add(new ApplicationParty(WireNames.Name(party.Role), enlisted.Party.Id, party.Name, party.Country, party.Headquarters, party.Address));
        }

        if (errors.Count > 0)
        {
            return new ApplicationOutcome(ApplicationResult.Invalid, null, errors);
        }

        var items = new List<ApplicationItem>();
        var certifications = new List<ApplicationCertification>();
        for (var i = 0; i < input.Lines.Count; i++)
        {
            var line = input.Lines[i];
            var decided = decision.Lines[i];
            var facts = classified[i];
            var conditions = decided.Findings.Where(f => conditionCodes.Contains(f.Code)).ToList();
            certifications.AddRange(conditions.Select(f => new ApplicationCertification(i, line.Item, f.Code, f.Message, f.Citation, f.Unconfirmed)));
            // The January 2026 rule asks the exporter to state the units already shipped to the United States.
            long? usUnits = conditions.Count == 0
                ? null
                : await db.Set<ShipmentLine>().Where(l => l.Item == line.Item && l.Country == "US").SumAsync(l => l.Quantity, ct);
            var unitPrice = line.UnitPrice!.Value;
            items.Add(new ApplicationItem(
                i, line.Item, request!.Items![i]!.Spec is null, decided.Eccn, facts.ClassificationRule, facts.ClassificationReason ?? "", facts.Tpp, facts.PerformanceDensity,
                line.Quantity, unitPrice, line.Quantity * unitPrice, decided.LicenseRequired,
                decided.ReviewPolicy is { } policy ? WireNames.Name(policy) : null, decided.Findings, usUnits));
        }

        var content = new ApplicationContent(input.Origin, request!.EndUse?.Trim() ?? "general", decision.Vintage, items, whitelist, statements, certifications);
        var application = new LicenseApplication
        {
            Applicant = input.Exporter!,
            Date = input.Date,
            Destination = input.Destination,
            Status = ApplicationStatuses.Draft,
            ContentJson = LicenseJson.Write(content),
            CreatedBy = actor,
            CreatedAt = now,
            UpdatedBy = actor,
            UpdatedAt = now,
        };
        db.Add(application);
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(
            new AuditEntry(actor, "license-application.drafted", EntityType, Key(application.Id),
                new { application.Applicant, application.Date, application.Destination, Content = content, Raised = raised.Select(RaisedAlert.Of).ToList() })
            {
                VintageId = decision.Vintage,
                ListVersionHash = pipeline.ListVersionHash,
            },
            ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new ApplicationOutcome(ApplicationResult.Saved, application, errors);
    }

    /// <summary>Screens every whitelist party again; when none has an open alert or a standing true match, the
    /// application is submitted. A refusal keeps the alerts the screening raised, and is audited.</summary>
    public async Task<ApplicationOutcome> SubmitAsync(string actor, long id, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        await using var transaction = await audit.BeginAsync(ct);
        var application = await db.Set<LicenseApplication>().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (application is null)
        {
            return new ApplicationOutcome(ApplicationResult.NotFound, null, errors);
        }

        if (Illegal(application, ApplicationStatuses.Submitted) is { } conflict)
        {
            return conflict;
        }

        var content = LicenseJson.ReadContent(application.ContentJson);
        var ids = content.Parties.Select(p => p.PartyId).Distinct().ToList();
        var screened = await db.Parties.Where(p => ids.Contains(p.Id)).ToListAsync(ct);
        var raised = new List<Alert>();
        foreach (var party in screened)
        {
            raised.AddRange(await alerts.ScreenPartyAsync(party, null, null, ct));
        }

        await db.SaveChangesAsync(ct);
        var blocking = await parties.BlockingAlertsAsync(screened, ct);
        var blocks = new List<ApplicationBlock>();
        foreach (var party in content.Parties)
        {
            var (open, trueMatches) = blocking[party.PartyId];
            if (open.Count > 0)
            {
                blocks.Add(new ApplicationBlock(party.PartyId, party.Role, party.Name, OpenAlert,
                    $"{party.Role} '{party.Name}' ({party.Country}) has {open.Count.ToString(CultureInfo.InvariantCulture)} open screening alert(s) not yet dispositioned: "
                    + string.Join("; ", open.Select(a => $"alert {a.Id.ToString(CultureInfo.InvariantCulture)}, {a.List} '{a.EntryName}' ({a.Score.ToString("0.000", CultureInfo.InvariantCulture)})")) + "."));
            }

            if (trueMatches.Count > 0)
            {
                blocks.Add(new ApplicationBlock(party.PartyId, party.Role, party.Name, TrueMatch,
                    $"{party.Role} '{party.Name}' ({party.Country}) is a confirmed match: "
                    + string.Join("; ", trueMatches.Select(a => $"{a.List} '{a.EntryName}' (alert {a.Id.ToString(CultureInfo.InvariantCulture)})"))
                    + ": 15 CFR 744.11 and Supplement No. 4 to Part 744 (Entity List), 31 CFR Part 501 (SDN)."));
            }
        }

        var screening = screened.Select(p => new { PartyId = p.Id, p.ScreenedAt, p.ListVersionHash }).ToList();
        if (blocks.Count > 0)
        {
            await audit.AppendAsync(
                new AuditEntry(actor, "license-application.submission-refused", EntityType, Key(application.Id),
                    new { Blocks = blocks, Screening = screening, Raised = raised.Select(RaisedAlert.Of).ToList() })
                {
                    ListVersionHash = pipeline.ListVersionHash,
                },
                ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return new ApplicationOutcome(ApplicationResult.Conflict, application, errors,
                string.Join(" ", blocks.Select(b => b.Message)) + " Disposition the alerts, or take the party off the whitelist, before submitting.", blocks);
        }

        var now = AuditChain.Truncate(clock.GetUtcNow());
        var from = application.Status;
        application.Status = ApplicationStatuses.Submitted;
        application.SubmittedBy = actor;
        application.SubmittedAt = now;
        application.UpdatedBy = actor;
        application.UpdatedAt = now;
        await audit.AppendAsync(
            new AuditEntry(actor, "license-application.submitted", EntityType, Key(application.Id), new { From = from, Screening = screening })
            {
                ListVersionHash = pipeline.ListVersionHash,
            },
            ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new ApplicationOutcome(ApplicationResult.Saved, application, errors);
    }

    /// <summary>Records BIS's decision on a submitted application; an approval creates the license (whitelist as its
    /// approved parties, items as its lines, the conditions given) in the same transaction.</summary>
    public async Task<ApplicationOutcome> DecideAsync(string actor, long id, ApplicationDecisionRequest? request, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var outcome = request?.Outcome?.Trim();
        if (request is null)
        {
            errors["$"] = ["Required: { outcome, licenseNumber, validTo, conditions, note }."];
        }
        else if (outcome is null || !ApplicationStatuses.Outcomes.Contains(outcome, StringComparer.Ordinal))
        {
            errors["$.outcome"] = [$"Required: one of {string.Join(", ", ApplicationStatuses.Outcomes)}."];
        }

        var approval = outcome is ApplicationStatuses.Approved or ApplicationStatuses.ApprovedWithConditions;
        var note = request?.Note?.Trim();
        if (note is { Length: > MaximumTextLength })
        {
            errors["$.note"] = [$"At most {MaximumTextLength.ToString(CultureInfo.InvariantCulture)} characters."];
        }

        if (request is not null && outcome is ApplicationStatuses.Returned or ApplicationStatuses.Denied)
        {
            if (string.IsNullOrEmpty(note))
            {
                errors["$.note"] = ["Required for a return or a denial: what BIS said."];
            }

            foreach (var (given, path) in new[] { (request.LicenseNumber is not null, "$.licenseNumber"), (request.ValidFrom is not null, "$.validFrom"),
                (request.ValidTo is not null, "$.validTo"), (request.Conditions is { Count: > 0 }, "$.conditions") })
            {
                if (given)
                {
                    errors[path] = ["Only an approval issues a license."];
                }
            }
        }

        if (outcome == ApplicationStatuses.ApprovedWithConditions && request!.Conditions is not { Count: > 0 })
        {
            errors["$.conditions"] = ["Required for approved-with-conditions: at least one condition."];
        }

        if (errors.Count > 0)
        {
            return new ApplicationOutcome(ApplicationResult.Invalid, null, errors);
        }

        var now = AuditChain.Truncate(clock.GetUtcNow());
        await using var transaction = await audit.BeginAsync(ct);
        var application = await db.Set<LicenseApplication>().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (application is null)
        {
            return new ApplicationOutcome(ApplicationResult.NotFound, null, errors);
        }

        if (Illegal(application, outcome!) is { } conflict)
        {
            return conflict;
        }

        License? license = null;
        var content = LicenseJson.ReadContent(application.ContentJson);
        if (approval)
        {
            var validFrom = request!.ValidFrom ?? DateOnly.FromDateTime(now);
            var created = await licenses.AddAsync(actor, new LicenseRequest(
                request.LicenseNumber, LicenseTypes.License, application.Applicant, validFrom, request.ValidTo, null,
                [application.Destination],
                [.. content.Parties.Select(p => new LicensePartyRequest(p.Name, p.Country)).DistinctBy(p => ScreeningSubject.NameKey(p.Name!, p.Country))],
                [.. content.Items.Select(i => new LicenseLineRequest(i.Catalog ? i.Item : i.Eccn, i.Quantity, i.Value))],
                request.Conditions ?? []), ct);
            if (created.License is null)
            {
                foreach (var (path, messages) in created.Errors)
                {
                    errors[LicensePath(path)] = messages;
                }

                return new ApplicationOutcome(ApplicationResult.Invalid, null, errors);
            }

            license = created.License;
            application.LicenseId = license.Id;
        }

        var terms = license is null ? null : LicenseJson.ReadTerms(license.TermsJson);
        var decided = new ApplicationDecision(outcome!, license?.Number, terms?.ValidFrom, terms?.ValidTo, terms?.Conditions ?? [],
            string.IsNullOrEmpty(note) ? null : note, actor, now);
        var from = application.Status;
        application.Status = outcome!;
        application.DecisionJson = LicenseJson.Write(decided);
        application.UpdatedBy = actor;
        application.UpdatedAt = now;
        await audit.AppendAsync(
            new AuditEntry(actor, "license-application.decided", EntityType, Key(application.Id), new { From = from, Decision = decided, LicenseId = license?.Id }), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new ApplicationOutcome(ApplicationResult.Saved, application, errors);
    }

    /// <summary>Withdraws an application not yet decided.</summary>
    public async Task<ApplicationOutcome> WithdrawAsync(string actor, long id, string? reason, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        reason = reason?.Trim();
        if (reason is { Length: > MaximumTextLength })
        {
            errors["$.reason"] = [$"At most {MaximumTextLength.ToString(CultureInfo.InvariantCulture)} characters."];
            return new ApplicationOutcome(ApplicationResult.Invalid, null, errors);
        }

        await using var transaction = await audit.BeginAsync(ct);
        var application = await db.Set<LicenseApplication>().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (application is null)
        {
            return new ApplicationOutcome(ApplicationResult.NotFound, null, errors);
        }

        if (Illegal(application, ApplicationStatuses.Withdrawn) is { } conflict)
        {
            return conflict;
        }

        var now = AuditChain.Truncate(clock.GetUtcNow());
        var from = application.Status;
        application.Status = ApplicationStatuses.Withdrawn;
        application.UpdatedBy = actor;
        application.UpdatedAt = now;
        await audit.AppendAsync(
            new AuditEntry(actor, "license-application.withdrawn", EntityType, Key(application.Id), new { From = from, Reason = string.IsNullOrEmpty(reason) ? null : reason }), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new ApplicationOutcome(ApplicationResult.Saved, application, errors);
    }

    public async Task<ApplicationRecord?> FindAsync(long id, CancellationToken ct)
    {
        var application = await db.Set<LicenseApplication>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
        return application is null ? null : (await RecordsAsync([application], ct))[0];
    }

    /// <summary>Newest first, at most <see cref="MaximumListed"/>.</summary>
    public async Task<IReadOnlyList<ApplicationRecord>> ListAsync(CancellationToken ct) =>
        await RecordsAsync(await db.Set<LicenseApplication>().AsNoTracking().OrderByDescending(a => a.Id).Take(MaximumListed).ToListAsync(ct), ct);

    async Task<IReadOnlyList<ApplicationRecord>> RecordsAsync(List<LicenseApplication> applications, CancellationToken ct)
    {
        var contents = applications.Select(a => LicenseJson.ReadContent(a.ContentJson)).ToList();
        var ids = contents.SelectMany(c => c.Parties.Select(p => p.PartyId)).Distinct().ToList();
        var licenseIds = applications.Where(a => a.LicenseId is not null).Select(a => a.LicenseId!.Value).ToList();
        var numbers = await db.Licenses.AsNoTracking().Where(l => licenseIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, l => l.Number, ct);
        var found = await parties.WithLastScreeningAsync(await db.Parties.AsNoTracking().Where(p => ids.Contains(p.Id)).ToListAsync(ct), ct);
        var keys = found.Select(p => p.NameKey).Distinct(StringComparer.Ordinal).ToList();
        var hits = await db.Alerts.AsNoTracking()
            .Where(a => (a.PartyId != null && ids.Contains(a.PartyId.Value)) || (a.Status == AlertStatus.TrueMatch && keys.Contains(a.NameKey)))
            .OrderBy(a => a.Id)
            .ToListAsync(ct);
        var screening = found.ToDictionary(p => p.Id, p =>
        {
            var own = hits.Where(a => a.PartyId == p.Id || (a.Status == AlertStatus.TrueMatch && a.NameKey == p.NameKey)).ToList();
            var state = own.Any(a => a.Status == AlertStatus.TrueMatch && alerts.Stands(a.List, a.EntryId)) ? TrueMatch
                : own.Any(a => a.Status == AlertStatus.Open && a.PartyId == p.Id) ? "potential-hit"
                : "clear";
            return new PartyScreeningState(p.Id, p.ScreenedAt, p.ListVersionHash, state,
                [.. own.Select(a => new ScreeningHitState(a.Id, a.List, a.EntryName, Math.Round(a.Score, 4), a.Status.Name()))]);
        });
        return [.. applications.Select((a, i) => new ApplicationRecord(a, contents[i], LicenseJson.ReadDecision(a.DecisionJson),
            a.LicenseId is { } licenseId ? numbers.GetValueOrDefault(licenseId) : null, screening))];
    }

    static ApplicationOutcome? Illegal(LicenseApplication application, string to) =>
        ApplicationStatuses.CanMove(application.Status, to)
            ? null
            : new ApplicationOutcome(ApplicationResult.Conflict, application, new Dictionary<string, string[]>(),
                $"Application {Key(application.Id)} is {application.Status}; it cannot become {to}"
                + (ApplicationStatuses.From(application.Status) is { Count: > 0 } next ? $" (from {application.Status} it may become {string.Join(", ", next)})." : " (that is final)."));

    /// <summary>The application read as an order (its items as lines, its whitelist as parties, its applicant as
    /// exporter) by the one order reader, with every problem named by the application's JSON path.</summary>
    OrderInput? Read(LicenseApplicationRequest? request, Dictionary<string, string[]> errors)
    {
        if (request is null)
        {
            errors["$"] = ["Required: { applicant, destination, items, parties, endUseStatements }."];
            return null;
        }

        if (string.IsNullOrWhiteSpace(request.Applicant) || request.Applicant.Trim().Length > LicenseValidator.MaximumNameLength)
        {
            errors["$.applicant"] = [$"Required: the exporter applying, 1 to {LicenseValidator.MaximumNameLength.ToString(CultureInfo.InvariantCulture)} characters."];
        }

        var date = request.Date ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var order = new JsonObject { ["id"] = "license-application", ["date"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };
        Put(order, "destination", request.Destination);
        Put(order, "origin", request.Origin);
        Put(order, "endUse", request.EndUse);
        Put(order, "exporter", request.Applicant?.Trim());
        if (request.Parties is not null)
        {
            var array = new JsonArray();
            for (var i = 0; i < request.Parties.Count; i++)
            {
                if (request.Parties[i] is not { } party)
                {
                    array.Add(null);
                    continue;
                }

                if (party.Role is { } role && !WhitelistRoles.Contains(role, StringComparer.Ordinal))
                {
                    errors[$"$.parties[{i.ToString(CultureInfo.InvariantCulture)}].role"] = [$"A whitelist party is one of {string.Join(", ", WhitelistRoles)}."];
                }

                var node = new JsonObject();
                Put(node, "role", party.Role);
                Put(node, "name", party.Name);
                Put(node, "country", party.Country);
                Put(node, "headquarters", party.Headquarters);
                Put(node, "address", party.Address);
                array.Add(node);
            }

            order["parties"] = array;
        }

        if (request.Items is not null)
        {
            var array = new JsonArray();
            for (var i = 0; i < request.Items.Count; i++)
            {
                if (request.Items[i] is not { } item)
                {
                    array.Add(null);
                    continue;
                }

                if (item.UnitPrice is null)
                {
                    errors[$"$.items[{i.ToString(CultureInfo.InvariantCulture)}].unitPrice"] = ["Required: the price per unit, so that the application states each item's value."];
                }
                else if (decimal.Round(item.UnitPrice.Value, 2) != item.UnitPrice.Value)
                {
                    errors[$"$.items[{i.ToString(CultureInfo.InvariantCulture)}].unitPrice"] = ["At most two decimals."];
                }

                var node = new JsonObject();
                Put(node, "item", item.Item);
                if (item.Spec is { } spec)
                {
                    node["spec"] = JsonNode.Parse(spec.GetRawText());
                }

                if (item.Quantity is { } quantity)
                {
                    node["quantity"] = quantity;
                }

                if (item.UnitPrice is { } price)
                {
                    node["unitPrice"] = price;
                }

                array.Add(node);
            }

            order["lines"] = array;
        }

        var (input, problems) = pipeline.Reader.ReadOne(order.ToJsonString(), "license application");
        foreach (var problem in problems)
        {
            var path = Rename(problem.Location);
            errors[path] = errors.TryGetValue(path, out var earlier) ? [.. earlier, problem.Message] : [problem.Message];
        }

        return input;
    }

    static string[] Statements(IReadOnlyList<string?>? statements, Dictionary<string, string[]> errors)
    {
        if (statements is null)
        {
            return [];
        }

        if (statements.Count > MaximumStatements)
        {
            errors["$.endUseStatements"] = [$"At most {MaximumStatements.ToString(CultureInfo.InvariantCulture)} statements."];
            return [];
        }

        for (var i = 0; i < statements.Count; i++)
        {
            var text = statements[i]?.Trim();
            if (string.IsNullOrEmpty(text) || text.Length > MaximumTextLength || FreeText.ControlCharacterProblem(text, true) is not null)
            {
                errors[$"$.endUseStatements[{i.ToString(CultureInfo.InvariantCulture)}]"] =
                    [$"A statement is 1 to {MaximumTextLength.ToString(CultureInfo.InvariantCulture)} characters of text."];
            }
        }

        return [.. statements.Select(s => s?.Trim() ?? "")];
    }

    static void Put(JsonObject node, string name, string? value)
    {
        if (value is not null)
        {
            node[name] = value;
        }
    }

    /// <summary>The order reader's path as the application names it.</summary>
    static string Rename(string path) =>
        path.StartsWith("$.lines", StringComparison.Ordinal) ? "$.items" + path["$.lines".Length..]
        : path.StartsWith("$.exporter", StringComparison.Ordinal) ? "$.applicant" + path["$.exporter".Length..]
        : path;

    /// <summary>The license validator's path as the decision names it.</summary>
    static string LicensePath(string path) =>
        path.StartsWith("$.number", StringComparison.Ordinal) ? "$.licenseNumber" + path["$.number".Length..]
        : path.StartsWith("$.lines", StringComparison.Ordinal) ? "$.items" + path["$.lines".Length..]
        : path;

    static string Key(long id) => id.ToString(CultureInfo.InvariantCulture);
}
