using System.Globalization;
using Clearance.Rules.Licensing.Data;

namespace Clearance.Rules.Licensing;

/// <summary>Decides per order line whether a license is needed, the review policy, the exception and the conditions.</summary>
/// <remarks>Pure: the date and the diffusion reading are passed in; screening results arrive as facts on the parties.</remarks>
public sealed class LicenseEngine(Regulation regulation)
{
    const string UnitedStates = "US";

    readonly CountryGroups _groups = regulation.CountryGroups;
    readonly LicensingData _rules = regulation.Licensing;

    /// <summary>The regulation this engine reads.</summary>
    public Regulation Regulation { get; } = regulation;

    /// <summary>Evaluates an order under the rules in force on <paramref name="asOf"/>.</summary>
    public Decision Evaluate(OrderFacts order, DateOnly asOf, DiffusionReading reading)
    {
        var context = BuildContext(order, asOf, reading);
        var lines = new LineDecision[order.Lines.Count];
        var verdict = context.OrderHold ? Verdict.Hold : Verdict.Cleared;
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = EvaluateLine(context, order.Lines[i]);
            if (lines[i].Verdict > verdict)
            {
                verdict = lines[i].Verdict;
            }
        }

        var screening = new PartyScreening[order.Parties.Count];
        for (var i = 0; i < screening.Length; i++)
        {
            screening[i] = ScreeningRow(order.Parties[i]);
        }

        return new Decision(order.Id, asOf, Regulation.VintageIdOn(asOf), reading, verdict, lines, screening);
    }

    OrderContext BuildContext(OrderFacts order, DateOnly date, DiffusionReading reading)
    {
        var findings = new List<Finding>();
        var (destination, aliasCitation) = _groups.Resolve(order.Destination, date);
        if (aliasCitation is not null)
        {
            findings.Add(new Finding(FindingCodes.DestinationAlias, aliasCitation,
                $"destination {order.Destination} is treated as {destination} under the EAR", false));
        }

        var originAssumed = order.Origin is null;
        var (origin, _) = _groups.Resolve(order.Origin ?? UnitedStates, date);
        var notAnExport = destination.Equals(UnitedStates, StringComparison.Ordinal) && origin.Equals(UnitedStates, StringComparison.Ordinal);
        if (notAnExport)
        {
            findings.Add(new Finding(FindingCodes.NotAnExport, _rules.Citations.NotAnExport,
                "origin and destination are both the United States: a shipment within the United States is not an export", false));
            if (originAssumed)
            {
                findings.Add(OriginAssumedFinding(_rules.Citations.NotAnExport, "whether the shipment is an export"));
            }
        }

        var horizon = _rules.ResearchHorizon;
        if (date > horizon.KnownThrough)
        {
            findings.Add(new Finding(FindingCodes.ResearchHorizon, horizon.Citation,
                $"the order is dated {Day(date)}, after {Day(horizon.KnownThrough)}, the last date this rulebook's sources cover (compiled {Day(horizon.Compiled)}): rules published later are not known to it",
                true));
        }

        foreach (var membership in _groups.UnconfirmedMemberships(destination, date))
        {
            findings.Add(new Finding(FindingCodes.CountryGroupUnconfirmed, membership.Citation,
                $"destination {destination} in Country Group {CountryGroupIds.Label(membership.Group)}: {membership.Note}", true));
        }

        var headquartered = new List<(PartyFacts, string)>();
        foreach (var party in order.Parties)
        {
            var (hq, _) = _groups.Resolve(party.Headquarters ?? party.Country, date);
            if (IsMacauOrD5(hq, date))
            {
                headquartered.Add((party, hq));
            }
        }

        var kinds = RequirementKinds.None;
        ReviewPolicy? policy = null;
        var hold = false;
        var barred = false;

        void Require(RequirementKinds kind, ReviewPolicy? p)
        {
            kinds |= kind;
            if (p is { } known && (policy is null || known > policy))
            {
                policy = known;
            }
        }

        if (!notAnExport && Regulation.Embargoes.TryGetValue(destination, out var embargo) && (embargo.From is null || embargo.From <= date))
        {
            Require(RequirementKinds.Embargo, embargo.ReviewPolicy);
            findings.Add(new Finding(FindingCodes.Embargo, embargo.Citation,
                $"destination {destination} is embargoed: a license is required for {embargo.Scope}; review policy {embargo.ReviewPolicy.Name()}",
                embargo.Unconfirmed));
        }

        foreach (var party in order.Parties)
        {
            if (!party.Screened)
            {
                hold = true;
                findings.Add(new Finding(FindingCodes.ScreeningNotPerformed, _rules.Citations.ScreeningNotPerformed,
                    $"{party.Role.Name()} '{party.Name}' was not screened against the restricted-party lists: the order is held until it is", false));
                continue;
            }

            foreach (var fact in party.Screening)
            {
                ApplyScreeningFact(party, fact, null, findings, ref hold, ref barred, Require);
            }

            ApplyAffiliates(party, date, reading, findings, ref hold, ref barred, Require);
        }

        return new OrderContext
        {
            Order = order,
            Date = date,
            Reading = reading,
            Destination = destination,
            Origin = origin,
            OriginAssumed = originAssumed,
            NotAnExport = notAnExport,
            DestinationMacauOrD5 = IsMacauOrD5(destination, date),
            DestinationInScope = InAdvancedComputingScope(destination, date),
            UaeChart = Versions.InForce(_rules.UaeCharts, date, reading) is { } uae && Contains(uae.Countries, destination) ? uae : null,
            Supplement8 = Versions.InForce(_rules.Supplement8, date, reading) is { } supplement && Contains(supplement.Countries, destination)
                ? MatchSupplement8(order, supplement)
                : null,
            MacauOrD5Headquartered = headquartered,
            OrderFindings = findings,
            OrderKinds = kinds,
            OrderPolicy = policy,
            OrderHold = hold,
            OrderExceptionsBarred = barred,
        };
    }

    void ApplyScreeningFact(
        PartyFacts party, ScreeningFact fact, OwnerFacts? owner, List<Finding> findings, ref bool hold, ref bool barred,
        Action<RequirementKinds, ReviewPolicy?> require)
    {
        if (fact.Decision != ScreeningDecision.Hit)
        {
            return;
        }

        var list = ListRule(fact.List);
        var who = owner is null
            ? $"{party.Role.Name()} '{party.Name}'"
            : $"owner '{owner.Name}' ({Number(owner.Percent)}%) of {party.Role.Name()} '{party.Name}'";
        var entryTerms = EntryTerms(fact);
        switch (fact.Disposition)
        {
            case HitDisposition.Pending:
                hold = true;
                findings.Add(new Finding(FindingCodes.ScreeningPotentialHit, list?.Citation ?? _rules.Citations.ScreeningHitOnUnknownList,
                    $"{who} may match '{fact.Entry}' on {fact.List} (score {Number(fact.Score)}); not yet dispositioned, so the order is held{entryTerms}",
                    false));
                if (list is { Effect: ListEffect.LicenseAllItems })
                {
                    // 15 CFR 744.11: the entry's own license requirement and policy apply, shown before disposition and marked as resting on it.
                    var (policy, policyText, policyUnconfirmed) = EntryPolicy(fact, list);
                    barred = true;
                    require(RequirementKinds.ListedParty, policy);
                    findings.Add(new Finding(FindingCodes.ListedPartyLicensePending, EntryCitation(list, fact),
                        $"resting on an undispositioned match: if {who} is '{fact.Entry}' on the {list.Name}, a license is required for {Requirement(fact)}; {policyText}; a false-positive disposition removes this requirement",
                        policyUnconfirmed));
                }

                break;
            case HitDisposition.FalsePositive:
                findings.Add(new Finding(FindingCodes.ScreeningFalsePositive, list?.Citation ?? _rules.Citations.ScreeningHitOnUnknownList,
                    $"{who} was screened against '{fact.Entry}' on {fact.List} (score {Number(fact.Score)}) and dispositioned as a false positive",
                    false));
                break;
            case HitDisposition.ConfirmedMatch:
                ApplyConfirmedMatch(who, fact, list, entryTerms, findings, ref hold, ref barred, require);
                break;
        }
    }

    void ApplyConfirmedMatch(
        string who, ScreeningFact fact, ListRuleData? list, string entryTerms, List<Finding> findings, ref bool hold, ref bool barred,
        Action<RequirementKinds, ReviewPolicy?> require)
    {
        if (list is null)
        {
            hold = true;
            findings.Add(new Finding(FindingCodes.ListedPartyUnknownList, _rules.Citations.UnknownList,
                $"{who} is a confirmed match for '{fact.Entry}' on {fact.List}, a list the engine has no rule for: the order is held", false));
            return;
        }

        switch (list.Effect)
        {
            case ListEffect.LicenseAllItems:
                var (policy, policyText, policyUnconfirmed) = EntryPolicy(fact, list);
                barred = true;
                require(RequirementKinds.ListedParty, policy);
                findings.Add(new Finding(FindingCodes.ListedPartyLicense, EntryCitation(list, fact),
                    $"{who} is '{fact.Entry}' on the {list.Name}: a license is required for {Requirement(fact)}; {policyText}{entryTerms}", policyUnconfirmed));
                break;
            case ListEffect.NoExceptions:
                barred = true;
                findings.Add(new Finding(FindingCodes.ListedPartyNoExceptions, list.ExceptionsBarredCitation,
                    $"{who} is '{fact.Entry}' on the {list.Name}: no license exception may be used and a UVL statement is required", false));
                break;
            case ListEffect.Prohibited:
                hold = true;
                barred = true;
                findings.Add(new Finding(FindingCodes.ListedPartyProhibited, list.Citation,
                    $"{who} is '{fact.Entry}' on the {list.Name}: dealing with the party is prohibited; the order is held", false));
                break;
            case ListEffect.Informational:
                findings.Add(new Finding(FindingCodes.ListedPartyInformational, list.Citation,
                    $"{who} is '{fact.Entry}' on the {list.Name}: no export license requirement follows from this list", false));
                break;
        }
    }

    void ApplyAffiliates(
        PartyFacts party, DateOnly date, DiffusionReading reading, List<Finding> findings, ref bool hold, ref bool barred,
        Action<RequirementKinds, ReviewPolicy?> require)
    {
        var affiliates = Versions.InForce(_rules.Affiliates, date, reading);
        if (affiliates is null || party.Owners.Count == 0)
        {
            return;
        }

        // Ownership counts "individually or in the aggregate": the shares of every listed owner add up.
        var listed = new List<(OwnerFacts Owner, ScreeningFact Fact)>();
        var owners = new List<string>();
        var percent = 0.0;
        foreach (var owner in party.Owners)
        {
            var counted = false;
            foreach (var fact in owner.Screening)
            {
                if (fact.Decision == ScreeningDecision.Hit && fact.Disposition != HitDisposition.FalsePositive
                    && ListRule(fact.List) is { Effect: ListEffect.LicenseAllItems })
                {
                    listed.Add((owner, fact));
                    if (!counted)
                    {
                        counted = true;
                        percent += owner.Percent;
                        owners.Add($"'{owner.Name}' ({Number(owner.Percent)}%, '{fact.Entry}' on {fact.List}{(fact.Disposition == HitDisposition.Pending ? ", not yet dispositioned" : string.Empty)})");
                    }
                }
            }
        }

        if (listed.Count == 0 || percent < affiliates.OwnershipPercent)
        {
            return;
        }

        var aggregate = owners.Count > 1;
        var ownership = aggregate
            ? $"{Number(percent)}% owned in the aggregate by listed parties {string.Join(" and ", owners)}"
            : $"{Number(percent)}% owned by {owners[0]}";
        var who = $"{party.Role.Name()} '{party.Name}'";
        if (!affiliates.InForce)
        {
            // The rule as adopted is the latest version in force before the suspension; the suspension lasts until the next version.
            var rule = _rules.Affiliates.LastOrDefault(v => v.InForce && v.From < affiliates.From) ?? affiliates;
            var next = Versions.Next(_rules.Affiliates, affiliates, reading);
            var window = next is null
                ? $"suspended from {Day(affiliates.From)} until further notice"
                : $"suspended {Day(affiliates.From)} to {Day(next.From.AddDays(-1))}";
            var after = next is { InForce: true } ? $"; it re-applies automatically on {Day(next.From)} unless BIS acts" : string.Empty;
            findings.Add(new Finding(FindingCodes.AffiliatesRuleSuspended, affiliates.Citation,
                $"{who} is {ownership}; the Affiliates rule ({rule.Citation}) is {window}, so no license follows from the ownership{after}",
                affiliates.Unconfirmed));
            return;
        }

        var citation = aggregate ? affiliates.AggregationCitation : affiliates.Citation;
        findings.Add(new Finding(FindingCodes.AffiliateOfListed, affiliates.NoteCitation is { } noteCitation ? $"{citation}; {noteCitation}" : citation,
            $"{who} is {ownership} (>= {Number(affiliates.OwnershipPercent)}%): the owners' restrictions extend to it"
            + (affiliates.Note is { } note ? $"; {note}" : string.Empty),
            affiliates.Unconfirmed));
        foreach (var (owner, fact) in listed)
        {
            ApplyScreeningFact(party, fact, owner, findings, ref hold, ref barred, require);
        }
    }

    LineDecision EvaluateLine(OrderContext context, LineFacts line)
    {
        var builder = new LineBuilder { Hold = context.OrderHold, ExceptionsBarred = context.OrderExceptionsBarred };
        builder.Findings.AddRange(context.OrderFindings);
        builder.Require(context.OrderKinds, context.OrderPolicy);

        if (!context.NotAnExport)
        {
            ApplyItemRules(context, line, builder);
            ApplyEndUse(context, line, builder);
            ApplyLetters(context, line, builder);
        }

        var licenseRequired = builder.Kinds != RequirementKinds.None;
        var exception = licenseRequired ? ChooseException(context, line, builder) : null;
        if (licenseRequired)
        {
            ApplyReportedRevenueShares(context, line, builder);
        }

        ApplyChinaSide(context, line, builder);
        var verdict = builder.Hold ? Verdict.Hold
            : !licenseRequired ? Verdict.Cleared
            : exception is not null ? Verdict.Exception
            : Verdict.LicenseRequired;
        return new LineDecision(line.Item, line.Eccn, licenseRequired, licenseRequired ? builder.Policy : null, exception, verdict, builder.Findings);
    }

    void ApplyItemRules(OrderContext context, LineFacts line, LineBuilder builder)
    {
        switch (line.Entry)
        {
            case ControlEntry.None:
                builder.Add(FindingCodes.ItemNotControlled, _rules.Citations.ItemNotControlled,
                    $"{line.Item}: no advanced-computing entry applies on {Day(context.Date)}{Because(line)}", line.ClassificationUnconfirmed);
                break;
            case ControlEntry.Indeterminate:
                ApplyIndeterminate(context, line, builder);
                break;
            case ControlEntry.Eccn3A991P:
            case ControlEntry.Eccn4A994L:
                builder.Add(FindingCodes.ItemAntiTerrorismOnly, _rules.Citations.AntiTerrorismOnly,
                    $"{line.Item}: {line.Eccn} is controlled for anti-terrorism only; no license is needed for {context.Destination} on that ground{Because(line)}",
                    line.ClassificationUnconfirmed);
                break;
            case ControlEntry.Eccn3A090Of2022:
            case ControlEntry.Eccn4A090Of2022:
                Apply2022(context, line, builder);
                break;
            case ControlEntry.Eccn3A090A:
            case ControlEntry.Eccn3A090B:
            case ControlEntry.Eccn4A090A:
            case ControlEntry.Eccn4A090B:
                ApplyAdvancedComputing(context, line, builder);
                break;
            case ControlEntry.Eccn3A090C:
                ApplyHbm(context, line, builder);
                break;
        }
    }

    void ApplyIndeterminate(OrderContext context, LineFacts line, LineBuilder builder)
    {
        var worstCase = line with { Entry = context.Date >= _rules.AdvancedComputing.From ? ControlEntry.Eccn3A090A : ControlEntry.Eccn3A090Of2022, Datacenter = true };
        var probe = new LineBuilder();
        ApplyItemRules(context, worstCase, probe);
        if (probe.Kinds == RequirementKinds.None)
        {
            builder.Add(FindingCodes.ClassificationIndeterminate, _rules.Citations.ClassificationIndeterminate,
                $"{line.Item} cannot be classified{Because(line)}; even as a datacenter 3A090.a item no license would be needed for {context.Destination} on {Day(context.Date)}");
            return;
        }

        builder.Hold = true;
        builder.Add(FindingCodes.ClassificationIndeterminate, _rules.Citations.ClassificationIndeterminate,
            $"{line.Item} cannot be classified{Because(line)}; as 3A090.a it would need a license for {context.Destination}, so the line is held until the missing figure is known");
    }

    void Apply2022(OrderContext context, LineFacts line, LineBuilder builder)
    {
        var versions = _rules.China2022;
        var version = Versions.InForce(versions, context.Date, context.Reading);
        if (context.Date >= _rules.AdvancedComputing.From || version is null)
        {
            builder.Hold = true;
            builder.Add(FindingCodes.ClassificationVintageMismatch, versions[0].Citation,
                $"{line.Item} is classified {line.Eccn} (the 2022 entry), which is not the entry in force on {Day(context.Date)}: the line is held");
            return;
        }

        var destination = version.Destinations.FirstOrDefault(d => d.Country.Equals(context.Destination, StringComparison.Ordinal));
        if (destination is null)
        {
            // A later version that adds the destination: the answer rests on that version's date.
            var later = versions.FirstOrDefault(v => v.From > context.Date && v.Destinations.Any(d => d.Country.Equals(context.Destination, StringComparison.Ordinal)));
            builder.Add(FindingCodes.RsOutsideScope, later?.Citation ?? version.Citation,
                later is not null
                    ? $"{line.Item}: {line.Eccn} needs a license to {context.Destination} only from {Day(later.From)} under the 2022 rule as extended{(later.Note is { } note ? "; " + note : string.Empty)}"
                    : $"{line.Item}: {line.Eccn} needs a license only to {string.Join(" and ", version.Destinations.Select(d => d.Country))} under the 2022 rule; {context.Destination} is not covered",
                later is { Unconfirmed: true });
            return;
        }

        builder.Require(RequirementKinds.China2022, version.ReviewPolicy);
        builder.Add(FindingCodes.RsChina2022, destination.Citation,
            $"{line.Item}: {line.Eccn}{Because(line)} needs a license to {context.Destination}{(destination.Unconfirmed && version.Note is { } why ? "; " + why : string.Empty)}",
            destination.Unconfirmed || line.ClassificationUnconfirmed);
        builder.Add(FindingCodes.ReviewPolicy, version.ReviewPolicyCitation,
            $"review policy {version.ReviewPolicy.Name()} for {context.Destination}{(version.ReviewPolicyNote is { } policyNote ? $" ({policyNote})" : string.Empty)}", version.ReviewPolicyUnconfirmed);
    }

    void ApplyAdvancedComputing(OrderContext context, LineFacts line, LineBuilder builder)
    {
        var scope = _rules.AdvancedComputing;
        if (context.Date < scope.From)
        {
            builder.Hold = true;
            builder.Add(FindingCodes.ClassificationVintageMismatch, scope.Citation,
                $"{line.Item} is classified {line.Eccn}, an entry that did not exist on {Day(context.Date)}: the line is held");
            return;
        }

        var diffusion = _rules.AiDiffusion;
        var tierA = Names(diffusion.WorldwideEccns, line.Entry);
        var asWritten = context.Reading == DiffusionReading.AsWritten;
        var worldwide = tierA && context.Date >= diffusion.ComplianceFrom;
        var hq = context.MacauOrD5Headquartered;
        var hqText = hq.Count == 0 ? string.Empty : $"{hq[0].Party.Role.Name()} '{hq[0].Party.Name}' is headquartered in {hq[0].Headquarters}";

        if (tierA && context.Date >= diffusion.From && context.Date < diffusion.ComplianceFrom)
        {
            builder.Add(FindingCodes.AiDiffusionCompliancePending, diffusion.Citation,
                $"the AI Diffusion rule is effective from {Day(diffusion.From)} but compliance is not required until {Day(diffusion.ComplianceFrom)}; its worldwide requirement does not apply yet");
        }

        if (!context.DestinationInScope && context.UaeChart is not null && hq.Count == 0 && context.Supplement8 is { } entity)
        {
            var supplement = entity.Version;
            builder.Add(FindingCodes.Supplement8Entity, supplement.Citation,
                $"{line.Item}: {entity.Party.Role.Name()} '{entity.Party.Name}' matches '{entity.Entity}' of supp. no. 8 to part 740 by name: it may receive advanced computing items in {context.Destination} without a license; the match rests on {supplement.Source}",
                supplement.Unconfirmed);
            return;
        }

        var basis = Versions.InForce(scope.ReviewPolicies, context.Date, context.Reading)!;
        if (context.DestinationInScope || context.UaeChart is not null)
        {
            // 15 CFR 742.6(b)(10): the policy depends on where the item goes and who is headquartered where; the policies are data.
            var policy = context.DestinationMacauOrD5 ? basis.MacauOrD5 : hq.Count > 0 ? basis.Headquartered : basis.Otherwise;
            var inScopeCitation = context.DestinationInScope ? scope.Citation : context.UaeChart!.Citation;
            builder.Add(FindingCodes.RsAdvancedComputing, inScopeCitation,
                $"{line.Item}: {line.Eccn}{Because(line)} needs a license to {context.Destination} ({GroupsText(context.Destination, context.Date)})",
                line.ClassificationUnconfirmed);
            if (context.UaeChart is { } uae)
            {
                builder.Add(FindingCodes.UaeCharts, uae.Citation, uae.Note, uae.Unconfirmed);
            }

            var basePolicy = policy;
            policy = ApplyChinaCaseByCase(context, line, builder, policy);
            var why = context.DestinationMacauOrD5 ? $"{context.Destination} is Macau or in Country Group D:5"
                : hq.Count > 0 ? hqText
                : $"{context.Destination} is not Macau or in D:5 and no party is headquartered there";
            var policyText = policy == basePolicy
                ? $"review policy {policy.Name()}: {why}"
                : $"review policy {policy.Name()} under the {Month(Versions.InForce(_rules.ChinaCaseByCase, context.Date, context.Reading)!.From)} rule, instead of {basePolicy.Name()} ({why})";
            builder.Add(FindingCodes.ReviewPolicy, basis.Citation, policyText, basis.Unconfirmed);
            builder.Require(RequirementKinds.AdvancedComputing, policy);
            if (asWritten && worldwide)
            {
                builder.Add(FindingCodes.AiDiffusionWorldwide, diffusion.Citation,
                    $"AI Diffusion rule as written: {line.Eccn} needs a license to any destination; here the D-group requirement applies as well");
            }

            return;
        }

        if (asWritten && worldwide && !context.Destination.Equals(UnitedStates, StringComparison.Ordinal))
        {
            var policy = hq.Count > 0 ? basis.Headquartered : basis.Otherwise;
            builder.Require(RequirementKinds.Diffusion, policy);
            builder.Add(FindingCodes.AiDiffusionWorldwide, diffusion.Citation,
                $"AI Diffusion rule as written (GAO B-337935: in effect): {line.Item}: {line.Eccn} needs a license to any destination, including {context.Destination}");
            builder.Add(FindingCodes.ReviewPolicy, basis.Citation,
                $"review policy {policy.Name()} (as written; country allocations not modelled){(hq.Count > 0 ? ": " + hqText : string.Empty)}",
                basis.Unconfirmed);
            ApplyHeadquartersNotes(context, builder);
            return;
        }

        if (hq.Count > 0)
        {
            var headquarters = _rules.Headquarters;
            var requirement = Versions.InForce(headquarters.Requirement, context.Date, context.Reading)!;
            var version = Versions.InForce(headquarters.ReviewPolicies, context.Date, context.Reading)!;
            builder.Require(RequirementKinds.Headquarters, version.Policy);
            builder.Add(FindingCodes.HeadquartersRule, requirement.Citation,
                $"{line.Item}: {line.Eccn} needs a license wherever the recipient is located: {hqText} (Macau or Country Group D:5)",
                requirement.Unconfirmed);
            builder.Add(FindingCodes.ReviewPolicy, version.Citation,
                $"review policy {version.Policy.Name()} for a Macau/D:5-headquartered party outside the D groups (from {Day(version.From)}){(version.Note is { } note ? "; " + note : string.Empty)}",
                version.Unconfirmed);
            ApplyHeadquartersNotes(context, builder);
            return;
        }

        builder.Add(FindingCodes.RsOutsideScope, scope.Citation,
            $"{line.Item}: {line.Eccn} needs no license to {context.Destination} ({GroupsText(context.Destination, context.Date)}; the scope is D:1, D:4, D:5 less A:5/A:6, and Macau) and no party is headquartered in Macau or D:5");
        if (!asWritten && worldwide && context.Date >= diffusion.NonEnforcementFrom && !context.Destination.Equals(UnitedStates, StringComparison.Ordinal))
        {
            builder.Add(FindingCodes.AiDiffusionNotEnforced, diffusion.NonEnforcementCitation,
                $"AI Diffusion rule not enforced since {Day(diffusion.NonEnforcementFrom)} (reading: enforced); as written it would require a license for {line.Eccn} to {context.Destination}");
        }
    }

    void ApplyHeadquartersNotes(OrderContext context, LineBuilder builder)
    {
        if (context.MacauOrD5Headquartered.Count > 0
            && Versions.InForce(_rules.Headquarters.Notices, context.Date, context.Reading) is { Code: { } code, Text: { } text } notice)
        {
            builder.Add(code, notice.Citation, text, notice.Unconfirmed);
        }
    }

    ReviewPolicy ApplyChinaCaseByCase(OrderContext context, LineFacts line, LineBuilder builder, ReviewPolicy policy)
    {
        var box = Versions.InForce(_rules.ChinaCaseByCase, context.Date, context.Reading);
        if (box is null || policy != box.Replaces || !Contains(box.Destinations, context.Destination))
        {
            return policy;
        }

        if (context.OriginAssumed)
        {
            builder.Findings.Add(OriginAssumedFinding(box.Citation, $"the {Month(box.From)} case-by-case policy, which covers exports from the United States only"));
        }

        var outsideHq = context.MacauOrD5Headquartered.FirstOrDefault(p => !Contains(box.Destinations, p.Headquarters));
        string? reason = null;
        if (!context.Origin.Equals(box.Origin, StringComparison.Ordinal))
        {
            reason = $"the items leave from {context.Origin}: the policy covers exports from {box.Origin} only (reexports stay {box.Replaces.Name()})";
        }
        else if (line.Tpp is not { } tpp || line.MemoryBandwidthGbs is not { } bandwidth)
        {
            reason = $"{(line.Tpp is null ? "TPP" : "total DRAM bandwidth")} of {line.Item} is unknown, so it cannot be shown to be inside the box";
        }
        else if (tpp >= box.MaxTppExclusive || bandwidth >= box.MaxDramBandwidthGbsExclusive)
        {
            reason = $"{line.Item} has TPP {Number(tpp)} and DRAM bandwidth {Number(bandwidth)} GB/s; the policy needs TPP < {Number(box.MaxTppExclusive)} and DRAM bandwidth < {Number(box.MaxDramBandwidthGbsExclusive)} GB/s";
        }
        else if (outsideHq.Party is not null)
        {
            reason = $"{outsideHq.Party.Role.Name()} '{outsideHq.Party.Name}' is headquartered in {outsideHq.Headquarters} ({MacauOrD5Text(outsideHq.Headquarters, context.Date)}), outside the policy's destinations ({string.Join(", ", box.Destinations)})";
        }

        if (reason is not null)
        {
            builder.Add(FindingCodes.ChinaCaseByCaseNotAvailable, box.Citation, $"case-by-case review ({Month(box.From)}) not available: {reason}");
            return policy;
        }

        builder.Add(FindingCodes.ChinaCaseByCase, box.Citation,
            $"{line.Item}: TPP {Number(line.Tpp!.Value)} < {Number(box.MaxTppExclusive)} and total DRAM bandwidth {Number(line.MemoryBandwidthGbs!.Value)} GB/s < {Number(box.MaxDramBandwidthGbsExclusive)} GB/s, exported from {(box.Origin.Equals(UnitedStates, StringComparison.Ordinal) ? "the United States" : box.Origin)} to {context.Destination}: {box.Policy.Name()} review if these conditions are met",
            box.Unconfirmed || box.DramBandwidthUnconfirmed);
        foreach (var condition in box.Conditions)
        {
            var message = condition.ShowLineUnits
                ? $"{condition.Text} (this line: {line.Quantity.ToString(CultureInfo.InvariantCulture)} units)"
                : condition.Text;
            builder.Add(condition.Code, condition.Citation, message, condition.Unconfirmed);
        }

        foreach (var band in box.TariffBands)
        {
            if (line.Tpp >= band.MinTpp && line.Tpp <= band.MaxTpp && line.MemoryBandwidthGbs >= band.MinMemoryBandwidthGbs && line.MemoryBandwidthGbs <= band.MaxMemoryBandwidthGbs)
            {
                builder.Add(FindingCodes.Section232Duty, box.TariffCitation,
                    $"{line.Item} (TPP {Number(line.Tpp!.Value)}, memory bandwidth {Number(line.MemoryBandwidthGbs!.Value)} GB/s) is in the band TPP {Number(band.MinTpp)}-{Number(band.MaxTpp)}, {Number(band.MinMemoryBandwidthGbs)}-{Number(band.MaxMemoryBandwidthGbs)} GB/s: {Number(box.TariffDutyPercent)}% duty on import into the United States for the required testing");
            }
        }

        return box.Policy;
    }

    void ApplyHbm(OrderContext context, LineFacts line, LineBuilder builder)
    {
        var hbm = _rules.Hbm;
        if (context.Date < hbm.From)
        {
            builder.Hold = true;
            builder.Add(FindingCodes.ClassificationVintageMismatch, hbm.Citation,
                $"{line.Item} is classified 3A090.c, an entry that did not exist on {Day(context.Date)}: the line is held");
            return;
        }

        if (!InDestinations(hbm.Destinations, hbm.DestinationGroups, context.Destination, context.Date))
        {
            builder.Add(FindingCodes.RsOutsideScope, hbm.Citation,
                $"{line.Item}: 3A090.c needs a license only to {string.Join(" or ", hbm.Destinations.Concat(hbm.DestinationGroups.Select(g => "Country Group " + g)))}; {context.Destination} is neither");
            return;
        }

        if (context.Date < hbm.ComplianceFrom)
        {
            builder.Add(FindingCodes.HbmLicense, hbm.Citation,
                $"{line.Item}: 3A090.c to {context.Destination}: the requirement is effective {Day(hbm.From)} but compliance is not required until {Day(hbm.ComplianceFrom)}");
            return;
        }

        builder.Require(RequirementKinds.Hbm, null);
        builder.Add(FindingCodes.HbmLicense, hbm.Citation,
            $"{line.Item}: 3A090.c (HBM{(line.HbmBandwidthDensity is { } d ? $", {Number(d)} GB/s/mm²" : string.Empty)}) needs a license to {context.Destination}; review policy not established in the research",
            hbm.ReviewPolicyUnconfirmed);
        if (line.HbmBandwidthDensity is { } density && density < hbm.ExceptionMaxDensityExclusive)
        {
            builder.Add(FindingCodes.HbmException, hbm.ExceptionCitation,
                $"memory bandwidth density {Number(density)} GB/s/mm² < {Number(hbm.ExceptionMaxDensityExclusive)}: License Exception HBM may be available (exporter and packaging-site conditions apply)");
        }
    }

    void ApplyEndUse(OrderContext context, LineFacts line, LineBuilder builder)
    {
        var code = context.Order.EndUse is EndUse.Supercomputer or EndUse.AdvancedNodeIc ? context.Order.EndUse.Name() : null;
        if (code is null)
        {
            return;
        }

        foreach (var rule in Regulation.EndUses)
        {
            if (!rule.Code.Equals(code, StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var period in rule.Periods)
            {
                if (!Covers(period.From, period.Until, context.Date) || !InDestinations(period.Destinations, period.DestinationGroups, context.Destination, context.Date))
                {
                    continue;
                }

                var family = ControlEntries.Family(line.Entry);
                if (!rule.AllItemsSubjectToEar && (family is null || !Contains(rule.EccnFamilies, family)))
                {
                    builder.Add(FindingCodes.EndUse, period.Citation,
                        $"{rule.Title} in {context.Destination}: {line.Item} ({line.Eccn}) is not among the ECCNs the end-use control lists ({string.Join(", ", rule.EccnFamilies)})",
                        rule.Unconfirmed);
                    continue;
                }

                builder.ExceptionsBarred = true;
                builder.Require(RequirementKinds.EndUse, rule.ReviewPolicy);
                builder.Add(FindingCodes.EndUse, period.Citation,
                    $"{rule.Title} in {context.Destination}: {line.Item} ({line.Eccn}) needs a license; review policy {rule.ReviewPolicy.Name()} ({rule.ReviewPolicyCitation})",
                    rule.Unconfirmed);
            }
        }
    }

    void ApplyLetters(OrderContext context, LineFacts line, LineBuilder builder)
    {
        foreach (var letter in Regulation.Letters)
        {
            if (context.Date < letter.Start)
            {
                continue;
            }

            var named = Contains(letter.ItemsNamed, line.Item, StringComparison.OrdinalIgnoreCase);
            var byCriterion = !named && MeetsCriterion(letter, line);
            if (!named && !byCriterion)
            {
                continue;
            }

            var toDestination = InDestinations(letter.Destinations, letter.DestinationGroups, context.Destination, context.Date);
            var hq = context.Order.Parties.FirstOrDefault(p =>
                InDestinations(letter.Destinations, letter.DestinationGroups, _groups.Resolve(p.Headquarters ?? p.Country, context.Date).Country, context.Date));
            if (!toDestination && hq is null)
            {
                continue;
            }

            var why = named ? $"{line.Item} is named in the letter"
                : $"{line.Item} ({CriterionText(letter, line)}) reaches the criterion: {letter.Criterion} ({letter.CriterionNote})";
            var where = toDestination ? $"to {context.Destination}" : $"for {hq!.Role.Name()} '{hq.Name}' headquartered in {hq.Headquarters ?? hq.Country}";
            var unconfirmed = letter.Unconfirmed || letter.LegalBasisUnconfirmed || (byCriterion && letter.CriterionUnconfirmed);
            if (context.Order.Exporter is { } exporter && IsRecipient(letter, exporter))
            {
                builder.ExceptionsBarred = true;
                builder.Require(RequirementKinds.Letter, null);
                builder.Add(FindingCodes.LetterLicense, letter.Citation,
                    $"is-informed letter {letter.Id} to {letter.Recipient} (from {Day(letter.Start)}): license required {where}; {why}; review policy not published",
                    unconfirmed);
                foreach (var condition in letter.Conditions)
                {
                    if (condition.From is null || condition.From <= context.Date)
                    {
                        builder.Add(condition.Code, condition.Citation, condition.Text, condition.Unconfirmed);
                    }
                }
            }
            else
            {
                builder.Add(FindingCodes.LetterOtherExporter, letter.Citation,
                    $"is-informed letter {letter.Id} covers this line {where} ({why}) but binds only {letter.Recipient}; the exporter is {(context.Order.Exporter is null ? "not given" : $"'{context.Order.Exporter}'")}, so no license follows from it — check whether the exporter has received a letter of its own",
                    unconfirmed);
            }
        }
    }

    /// <summary>Whether a line's figures reach a letter's criterion, combined as the data says; a letter without
    /// criterion figures covers only the items it names.</summary>
    static bool MeetsCriterion(LetterData letter, LineFacts line)
    {
        if (letter.CriterionFigures.Count == 0)
        {
            return false;
        }

        var all = letter.CriterionCombine == FigureCombination.All;
        foreach (var figure in letter.CriterionFigures)
        {
            var meets = FigureOf(figure.Figure, line) >= figure.AtLeastGbs;
            if (meets != all)
            {
                return meets;
            }
        }

        return all;
    }

    static double? FigureOf(LetterFigure figure, LineFacts line) => figure switch
    {
        LetterFigure.MemoryBandwidth => line.MemoryBandwidthGbs,
        LetterFigure.Interconnect => line.InterconnectGbs,
        _ => throw new ArgumentOutOfRangeException(nameof(figure), figure, "unknown letter figure"),
    };

    static string CriterionText(LetterData letter, LineFacts line)
    {
        var parts = letter.CriterionFigures.Select(f =>
        {
            var name = f.Figure == LetterFigure.MemoryBandwidth ? "memory" : "interconnect";
            var value = FigureOf(f.Figure, line) is { } v ? $"{Number(v)} GB/s" : "unknown";
            return $"{name} {value}, threshold {Number(f.AtLeastGbs)} GB/s";
        });
        var combine = letter.CriterionCombine == FigureCombination.All ? "all must reach theirs" : "any one reaching its threshold suffices";
        return $"{string.Join("; ", parts)}; {combine}";
    }

    LicenseException? ChooseException(OrderContext context, LineFacts line, LineBuilder builder)
    {
        var kinds = builder.Kinds;
        var nacAca = _rules.NacAca;
        if (!Names(nacAca.Eccns, line.Entry))
        {
            return null;
        }

        var covered = RequirementKinds.None;
        foreach (var kind in nacAca.Covers)
        {
            covered |= kind;
        }

        var nac2023 = _rules.Nac2023;
        if ((kinds & ~covered) != RequirementKinds.None || builder.ExceptionsBarred)
        {
            if ((kinds & covered) != RequirementKinds.None)
            {
                builder.Add(FindingCodes.NacAcaBarred, nacAca.RestrictionCitation,
                    "NAC/ACA cannot be used: part 744 or 746 (or an is-informed letter or a listed party) requires a license for this line");
            }

            return (kinds == RequirementKinds.Diffusion && !builder.ExceptionsBarred) ? ChooseAia(context, line, builder) : null;
        }

        if (Names(nacAca.NotForDatacenterEccns, line.Entry) && line.Datacenter != false)
        {
            if (line.Datacenter is null)
            {
                builder.Add(FindingCodes.DatacenterUnknown, nacAca.Citation,
                    $"{line.Item}: whether it is designed or marketed for datacenters is unknown, so it is treated as a datacenter item");
            }

            builder.Add(FindingCodes.NacAcaNotForDatacenter, nacAca.Citation,
                $"NAC/ACA do not cover items designed or marketed for use in a datacenter and meeting 3A090.a ({line.Item})");
            return null;
        }

        var notice = context.DestinationMacauOrD5 || context.MacauOrD5Headquartered.Count > 0;
        var figures = $"TPP {(line.Tpp is { } t ? Number(t) : "unknown")}, performance density {(line.PerformanceDensity is { } pd ? Number(pd) : "unknown")}";
        if (context.Date <= nac2023.Until)
        {
            builder.Add(FindingCodes.NacAvailable, nac2023.Citation, $"License Exception NAC covers {line.Item} ({line.Eccn}) to {context.Destination}");
            if (notice)
            {
                builder.Add(FindingCodes.NacNotice, nac2023.Citation,
                    $"notify BIS in SNAP-R at least {nac2023.NoticeDays} calendar days before export (Macau/D:5 or a Macau/D:5-headquartered party), with {figures} and the data sheet");
            }

            return LicenseException.Nac;
        }

        builder.Add(FindingCodes.ExceptionPurchaseOrder, nacAca.PurchaseOrderCitation, "a written purchase order is required before export under NAC or ACA");
        if (notice)
        {
            builder.Add(FindingCodes.NacAvailable, nacAca.Citation,
                $"License Exception NAC covers {line.Item} ({line.Eccn}) to {context.Destination}{(context.DestinationMacauOrD5 ? " (Macau or D:5)" : " (a party headquartered in Macau or D:5)")}");
            builder.Add(FindingCodes.NacNotice, nacAca.NoticeCitation,
                $"notify BIS in SNAP-R at least {nacAca.NoticeDays} calendar days before export and wait for confirmation, with {figures} and the data sheet showing how the item is designed and marketed");
            return LicenseException.Nac;
        }

        if (!InDestinations([], nacAca.AcaGroups, context.Destination, context.Date))
        {
            builder.Add(FindingCodes.AcaNotAvailable, nacAca.AcaCitation,
                $"License Exception ACA covers destinations in Country Groups {string.Join(" or ", nacAca.AcaGroups)} only; {context.Destination} is not ({GroupsText(context.Destination, context.Date)}), and NAC covers Macau, D:5 and Macau/D:5-headquartered parties: whether another exception applies is not established",
                true);
            return null;
        }

        builder.Add(FindingCodes.AcaAvailable, nacAca.Citation,
            $"License Exception ACA covers {line.Item} ({line.Eccn}) to {context.Destination} (D:1/D:4, not Macau/D:5, no Macau/D:5-headquartered party); no notice required");
        return LicenseException.Aca;
    }

    LicenseException? ChooseAia(OrderContext context, LineFacts line, LineBuilder builder)
    {
        var diffusion = _rules.AiDiffusion;
        var tpp = (line.Tpp ?? 0) * line.Quantity;
        if (line.Tpp is not null)
        {
            builder.Add(FindingCodes.LppPossible, diffusion.LppCitation,
                $"License Exception LPP covers up to {Number(diffusion.LppMaxTppPerConsigneePerYear)} TPP per ultimate consignee per calendar year; this line is {Number(tpp)} TPP ({line.Quantity.ToString(CultureInfo.InvariantCulture)} × {Number(line.Tpp.Value)})",
                true);
        }

        var eligible = Contains(diffusion.AiaCountries, context.Destination)
            && context.Order.Parties.All(p =>
                IsAiaCountry(p.Country, context.Date) && IsAiaCountry(p.Headquarters ?? p.Country, context.Date));
        if (!eligible)
        {
            return null;
        }

        builder.Add(FindingCodes.AiaAvailable, diffusion.AiaCitation,
            $"License Exception AIA (AI Diffusion rule as written): {context.Destination} and every party's location and headquarters are in the United States or supp. no. 5(a) to part 740",
            diffusion.AiaUnconfirmed);
        return LicenseException.Aia;
    }

    /// <summary>Whether a list of ECCNs (as the classify contract writes them) names the entry.</summary>
    static bool Names(IReadOnlyList<string> eccns, ControlEntry entry)
    {
        foreach (var eccn in eccns)
        {
            if (ControlEntries.Parse(eccn) == entry)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a (resolved) country is in the EAR's recurring "Macau or D:5" on a date, as the data defines it.</summary>
    bool IsMacauOrD5(string country, DateOnly date) =>
        InDestinations(_rules.MacauOrD5.Countries, _rules.MacauOrD5.Groups, country, date);

    /// <summary>Why a (resolved) country is in "Macau or D:5" on a date: the data's entries it matches.</summary>
    string MacauOrD5Text(string country, DateOnly date)
    {
        var set = _rules.MacauOrD5;
        var labels = new List<string>(2);
        if (Contains(set.Countries, country))
        {
            labels.Add($"listed beside {string.Join(", ", set.Groups)}");
        }

        foreach (var label in set.Groups)
        {
            if (CountryGroupIds.Parse(label) is { } group && _groups.IsMember(group, country, date))
            {
                labels.Add("Country Group " + label);
            }
        }

        return string.Join(", ", labels);
    }

    bool IsAiaCountry(string code, DateOnly date)
    {
        var country = _groups.Resolve(code, date).Country;
        return country.Equals(UnitedStates, StringComparison.Ordinal) || Contains(_rules.AiDiffusion.AiaCountries, country);
    }

    bool InAdvancedComputingScope(string country, DateOnly date)
    {
        var scope = _rules.AdvancedComputing;
        if (date < scope.From)
        {
            return false;
        }

        // Macau is in scope through its Country Group D:1 and D:4 membership (country-groups.json), like any other destination.
        var inGroups = false;
        foreach (var label in scope.Groups)
        {
            inGroups |= CountryGroupIds.Parse(label) is { } group && _groups.IsMember(group, country, date);
        }

        foreach (var label in scope.ExcludingGroups)
        {
            if (CountryGroupIds.Parse(label) is { } group && _groups.IsMember(group, country, date))
            {
                return false;
            }
        }

        return inGroups;
    }

    bool InDestinations(IReadOnlyList<string> countries, IReadOnlyList<string> groups, string country, DateOnly date)
    {
        if (Contains(countries, country))
        {
            return true;
        }

        foreach (var label in groups)
        {
            if (CountryGroupIds.Parse(label) is { } group && _groups.IsMember(group, country, date))
            {
                return true;
            }
        }

        return false;
    }

    string GroupsText(string country, DateOnly date)
    {
        var labels = new List<string>(4);
        foreach (var group in CountryGroupIds.All)
        {
            if (_groups.IsMember(group, country, date))
            {
                labels.Add(CountryGroupIds.Label(group));
            }
        }

        if (country.Equals(_groups.Macau, StringComparison.Ordinal))
        {
            labels.Add("Macau");
        }

        return labels.Count == 0 ? "in none of A:5, A:6, D:1, D:4, D:5" : "Country Groups " + string.Join(", ", labels);
    }

    ListRuleData? ListRule(string list)
    {
        foreach (var rule in _rules.Lists)
        {
            foreach (var keyword in rule.Keywords)
            {
                if (list.Contains(keyword, StringComparison.OrdinalIgnoreCase))
                {
                    return rule;
                }
            }
        }

        return null;
    }

    void ApplyReportedRevenueShares(OrderContext context, LineFacts line, LineBuilder builder)
    {
        foreach (var share in _rules.ReportedRevenueShares)
        {
            if (context.Date < share.From || !Contains(share.Items, line.Item) || !Contains(share.Destinations, context.Destination))
            {
                continue;
            }

            builder.Add(FindingCodes.RevenueShareReported, share.Citation,
                $"{line.Item}: licenses for this item were reported (from {Day(share.From)}) to carry a condition that {Number(share.Percent)}% of the China revenue is paid to the U.S. government; it is a term of the license, not an EAR requirement{(share.Conflict is { } conflict ? $"; conflicting report: {conflict}" : string.Empty)}",
                true);
        }
    }

    void ApplyChinaSide(OrderContext context, LineFacts line, LineBuilder builder)
    {
        var side = _rules.ChinaSide;
        if (!Contains(side.Destinations, context.Destination))
        {
            return;
        }

        foreach (var fact in side.Facts)
        {
            if (context.Date < fact.Date)
            {
                continue;
            }

            var concerns = fact.AllItems || Contains(fact.Items, line.Item);
            foreach (var prefix in fact.ItemPrefixes)
            {
                concerns |= line.Item.StartsWith(prefix, StringComparison.Ordinal);
            }

            if (concerns)
            {
                builder.Add(FindingCodes.ChinaSidePosture, fact.Citation,
                    $"China's side ({Day(fact.Date)}): {fact.Text}; this concerns import into China, not the U.S. export license", fact.Unconfirmed);
            }
        }
    }

    /// <summary>The recipient (the first of the version's recipient roles the order has) when its name matches a supp. no. 8 entity.</summary>
    static (PartyFacts Party, string Entity, Supplement8Data Version)? MatchSupplement8(OrderFacts order, Supplement8Data supplement)
    {
        PartyFacts? recipient = null;
        foreach (var role in supplement.RecipientRoles)
        {
            recipient ??= order.Parties.FirstOrDefault(p => p.Role == role);
        }

        if (recipient is null)
        {
            return null;
        }

        var name = EntityName(recipient.Name, supplement.LegalSuffixes);
        foreach (var entity in supplement.Entities)
        {
            if (name.Equals(EntityName(entity.Name, supplement.LegalSuffixes), StringComparison.Ordinal)
                || entity.Aliases.Any(a => name.Equals(EntityName(a, supplement.LegalSuffixes), StringComparison.Ordinal)))
            {
                return (recipient, entity.Name, supplement);
            }
        }

        return null;
    }

    /// <summary>Lower case, punctuation to spaces, single spaces, trailing legal forms removed.</summary>
    static string EntityName(string name, IReadOnlyList<string> legalSuffixes)
    {
        var chars = name.Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ').ToArray();
        var text = string.Join(' ', new string(chars).Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var trimmed = true;
        while (trimmed)
        {
            trimmed = false;
            // Longest first, so "fz llc" goes before "llc".
            foreach (var suffix in legalSuffixes.OrderByDescending(x => x.Length))
            {
                if (text.Length > suffix.Length && text.EndsWith(" " + suffix, StringComparison.Ordinal))
                {
                    text = text[..^(suffix.Length + 1)];
                    trimmed = true;
                }
            }
        }

        return text;
    }

    static Finding OriginAssumedFinding(string citation, string dependsOn) =>
        new(FindingCodes.OriginAssumed, citation, $"the order gives no origin: the items are assumed to leave from the United States (US), which decides {dependsOn}", false);

    static (ReviewPolicy Policy, string Text, bool Unconfirmed) EntryPolicy(ScreeningFact fact, ListRuleData list)
    {
        if (PolicyFromText(fact.LicensePolicy) is { } policy)
        {
            return (policy, $"review policy {policy.Name()} (the entry's license policy: '{fact.LicensePolicy}')", false);
        }

        var why = fact.LicensePolicy is { Length: > 0 } text
            ? $"the entry's license policy '{text}' names no presumption of approval, case-by-case review or presumption of denial"
            : "the entry gives no license review policy (the list file has no policy for it)";
        var assumed = list.DefaultReviewPolicy ?? ReviewPolicy.PresumptionOfDenial;
        var basis = list.DefaultReviewPolicyCitation is { } citation
            ? $"the policy the {list.Name} carries for most entries ({citation})"
            : $"the strictest policy, as the {list.Name} names none for most entries";
        return (assumed, $"{why}; {assumed.Name().Replace('-', ' ')} assumed, {basis}; check the entry in {list.Citation}", true);
    }

    static string EntryCitation(ListRuleData list, ScreeningFact fact) =>
        fact.FederalRegisterNotice is { Length: > 0 } notice ? $"{list.Citation}; {notice}" : list.Citation;

    static string Requirement(ScreeningFact fact) =>
        fact.LicenseRequirement is { Length: > 0 } requirement ? $"'{requirement}' (the entry's license requirement)" : "all items subject to the EAR (the entry gives no license requirement)";

    static bool IsRecipient(LetterData letter, string exporter) =>
        letter.Recipient.Equals(exporter.Trim(), StringComparison.OrdinalIgnoreCase)
        || Contains(letter.RecipientAliases, exporter.Trim(), StringComparison.OrdinalIgnoreCase);

    PartyScreening ScreeningRow(PartyFacts party)
    {
        if (!party.Screened)
        {
            return new PartyScreening(party.Role, party.Name, ScreeningDecision.NotScreened, null, null, null);
        }

        ScreeningFact? best = null;
        foreach (var fact in party.Screening)
        {
            if (best is null || Rank(fact).CompareTo(Rank(best)) > 0)
            {
                best = fact;
            }
        }

        return best is null
            ? new PartyScreening(party.Role, party.Name, ScreeningDecision.Clear, null, null, null)
            : new PartyScreening(party.Role, party.Name, best.Decision, best.List, best.Entry, best.Score);
    }

    /// <summary>Hits before non-hits, then score, then the list whose consequences are heaviest.</summary>
    ValueTuple<int, double, int> Rank(ScreeningFact fact) =>
        (fact.Decision == ScreeningDecision.Hit ? 1 : 0, fact.Score, ListRule(fact.List)?.Effect switch
        {
            ListEffect.Prohibited => 3,
            ListEffect.LicenseAllItems => 2,
            ListEffect.NoExceptions => 1,
            ListEffect.Informational or null => 0,
        });

    static string EntryTerms(ScreeningFact fact)
    {
        var parts = new List<string>(3);
        if (fact.LicenseRequirement is { Length: > 0 } requirement)
        {
            parts.Add($"license requirement: {requirement}");
        }

        if (fact.LicensePolicy is { Length: > 0 } policy)
        {
            parts.Add($"license policy: {policy}");
        }

        if (fact.FederalRegisterNotice is { Length: > 0 } notice)
        {
            parts.Add($"listed by {notice}");
        }

        return parts.Count == 0 ? string.Empty : "; " + string.Join("; ", parts);
    }

    static ReviewPolicy? PolicyFromText(string? text) =>
        text is null ? null
        : text.Contains("denial", StringComparison.OrdinalIgnoreCase) ? ReviewPolicy.PresumptionOfDenial
        : text.Contains("case-by-case", StringComparison.OrdinalIgnoreCase) || text.Contains("case by case", StringComparison.OrdinalIgnoreCase) ? ReviewPolicy.CaseByCase
        : text.Contains("approval", StringComparison.OrdinalIgnoreCase) ? ReviewPolicy.PresumptionOfApproval
        : null;

    static bool Covers(DateOnly from, DateOnly? until, DateOnly date) => from <= date && (until is null || date <= until);

    static bool Contains(IReadOnlyList<string> values, string value, StringComparison comparison = StringComparison.Ordinal)
    {
        foreach (var candidate in values)
        {
            if (candidate.Equals(value, comparison))
            {
                return true;
            }
        }

        return false;
    }

    static string Because(LineFacts line) => line.ClassificationReason is { Length: > 0 } reason ? $" ({reason})" : string.Empty;

    static string Number(double value) => value.ToString("#,0.###", CultureInfo.InvariantCulture);

    static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>How the findings name a rule by its effective month, e.g. "January 2026".</summary>
    static string Month(DateOnly date) => date.ToString("MMMM yyyy", CultureInfo.InvariantCulture);
}
