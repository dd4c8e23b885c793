using System.Text.Json.Nodes;
using Clearance.Rules.Licensing;
using static Clearance.Rules.Tests.Licensing.TestRules;

namespace Clearance.Rules.Tests.Licensing;

/// <summary>Policy that used to be written in C# and is now data in data/rules/licensing.json: the shipped answers at,
/// just before and just after each edge, and an edit to the data (not to C#) changing the answer.</summary>
public sealed class PolicyDataTests
{
    static Regulation WithLicensing(Action<JsonObject> edit) => WithFile("licensing.json", edit);

    static Regulation WithFile(string file, Action<JsonObject> edit)
    {
        var texts = Regulation.Files.ToDictionary(f => f, Read);
        var json = JsonNode.Parse(texts[file])!.AsObject();
        edit(json);
        texts[file] = json.ToJsonString();
        return Regulation.Load(texts);
    }

    /// <summary>The node at a path such as <c>letters[0].destinationGroups</c>.</summary>
    static JsonNode At(JsonNode root, string path)
    {
        var node = root;
        foreach (var segment in path.Split('.'))
        {
            var bracket = segment.IndexOf('[', StringComparison.Ordinal);
            node = node[bracket < 0 ? segment : segment[..bracket]]!;
            if (bracket >= 0)
            {
                node = node[int.Parse(segment[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture)]!;
            }
        }

        return node;
    }

    static LineDecision EvaluateWith(Regulation rules, OrderFacts order, DiffusionReading reading = DiffusionReading.Enforced) =>
        Assert.Single(new LicenseEngine(rules).Evaluate(order, order.Date, reading).Lines);

    // $.macauOrD5: a datacenter 3A090.a item to Germany (outside the D groups) needs a license only for a party
    // headquartered in Macau or D:5, from the 2023 rule's date (before it the 3A090.a entry did not exist).
    [Theory]
    [InlineData("MO", "2023-11-16", null)]
    [InlineData("MO", "2023-11-17", FindingCodes.HeadquartersRule)]
    [InlineData("MO", "2023-11-18", FindingCodes.HeadquartersRule)]
    [InlineData("VE", "2024-06-01", FindingCodes.HeadquartersRule)]
    [InlineData("CN", "2024-06-01", FindingCodes.HeadquartersRule)]
    [InlineData("HK", "2024-06-01", FindingCodes.HeadquartersRule)]
    [InlineData("SA", "2024-06-01", FindingCodes.RsOutsideScope)]
    [InlineData("DE", "2024-06-01", FindingCodes.RsOutsideScope)]
    public void A_party_headquartered_in_Macau_or_D5_brings_the_headquarters_rule(string headquarters, string date, string? code)
    {
        var line = Evaluate("DE", date, H100, Buyer("DE", headquarters));
        if (code is null)
        {
            Assert.Equal(Verdict.Hold, line.Verdict);
            Assert.True(line.Has(FindingCodes.ClassificationVintageMismatch));
            return;
        }

        Assert.True(line.Has(code));
        Assert.Equal(code == FindingCodes.HeadquartersRule, line.LicenseRequired);
    }

    // $.macauOrD5 decides who triggers the NAC notice: the destination, or a party's headquarters.
    [Theory]
    [InlineData("MO", "MO", "2024-04-03", LicenseException.Nac, true)]
    [InlineData("MO", "MO", "2024-04-04", LicenseException.Nac, true)]
    [InlineData("VN", "VN", "2024-04-04", LicenseException.Aca, false)]
    [InlineData("VN", "MO", "2024-04-04", LicenseException.Nac, true)]
    [InlineData("VN", "VE", "2024-04-05", LicenseException.Nac, true)]
    [InlineData("SA", "SA", "2024-04-05", LicenseException.Aca, false)]
    public void The_NAC_notice_follows_Macau_or_D5(string destination, string headquarters, string date, LicenseException exception, bool notice)
    {
        var line = Evaluate(destination, date, L40, Buyer(destination, headquarters));
        Assert.Equal(exception, line.Exception);
        Assert.Equal(notice, line.Has(FindingCodes.NacNotice));
    }

    [Fact]
    public void Editing_Macau_or_D5_in_the_data_changes_who_is_covered()
    {
        var withoutMacau = WithLicensing(l => l["macauOrD5"]!["countries"] = new JsonArray());
        var macauHq = EvaluateWith(withoutMacau, Order("DE", "2024-06-01", H100, Buyer("DE", "MO")));
        Assert.False(macauHq.LicenseRequired);
        Assert.True(Evaluate("DE", "2024-06-01", H100, Buyer("DE", "MO")).LicenseRequired);

        var withUae = WithLicensing(l => l["macauOrD5"]!["countries"]!.AsArray().Add("AE"));
        var uaeHq = EvaluateWith(withUae, Order("DE", "2024-06-01", H100, Buyer("DE", "AE")));
        Assert.True(uaeHq.Has(FindingCodes.HeadquartersRule));
    }

    [Fact]
    public void An_unknown_group_in_Macau_or_D5_is_refused_naming_its_path()
    {
        var error = Assert.Throws<FormatException>(() => WithLicensing(l => l["macauOrD5"]!["groups"]![0] = "D5"));
        Assert.Equal("licensing.json: $.macauOrD5.groups[0]: unknown country group 'D5'", error.Message);
    }

    // $.aiDiffusion.worldwideEccns: as written, tier .a needs a license to any destination from the 2025-05-15 compliance
    // date; tier .b keeps the D-group scope.
    [Theory]
    [InlineData("3A090.a", "2025-05-14", false, FindingCodes.AiDiffusionCompliancePending)]
    [InlineData("3A090.a", "2025-05-15", true, FindingCodes.AiDiffusionWorldwide)]
    [InlineData("3A090.a", "2025-05-16", true, FindingCodes.AiDiffusionWorldwide)]
    [InlineData("4A090.a", "2025-05-15", true, FindingCodes.AiDiffusionWorldwide)]
    [InlineData("3A090.b", "2025-05-15", false, FindingCodes.RsOutsideScope)]
    [InlineData("4A090.b", "2025-05-16", false, FindingCodes.RsOutsideScope)]
    public void AI_Diffusion_as_written_applies_worldwide_to_the_entries_in_the_data(string eccn, string date, bool required, string code)
    {
        var item = H100 with { Eccn = eccn, Entry = ControlEntries.Parse(eccn)!.Value };
        var line = Evaluate("DE", date, item, reading: DiffusionReading.AsWritten);
        Assert.Equal(required, line.LicenseRequired);
        Assert.True(line.Has(code));
    }

    [Fact]
    public void Editing_the_worldwide_entries_changes_the_answer()
    {
        var rules = WithLicensing(l => l["aiDiffusion"]!["worldwideEccns"] = new JsonArray("4A090.a"));
        var line = EvaluateWith(rules, Order("DE", "2025-06-01", H100), DiffusionReading.AsWritten);
        Assert.False(line.LicenseRequired);
        Assert.False(line.Has(FindingCodes.AiDiffusionWorldwide));
    }

    // $.nacAca.eccns / covers / notForDatacenterEccns, either side of the 2024-04-04 NAC/ACA split.
    [Theory]
    [InlineData("VN", "VN", "2024-04-03", "3A090.b", true, LicenseException.Nac, null)]
    [InlineData("VN", "VN", "2024-04-04", "3A090.b", true, LicenseException.Aca, null)]
    [InlineData("VN", "VN", "2024-04-05", "4A090.b", true, LicenseException.Aca, null)]
    [InlineData("VN", "VN", "2024-04-04", "3A090.a", true, null, FindingCodes.NacAcaNotForDatacenter)]
    [InlineData("VN", "VN", "2024-04-03", "4A090.a", true, null, FindingCodes.NacAcaNotForDatacenter)]
    [InlineData("VN", "VN", "2024-04-04", "3A090.a", false, LicenseException.Aca, null)]
    [InlineData("MY", "CN", "2024-04-04", "3A090.a", false, LicenseException.Nac, FindingCodes.NacNotice)]
    [InlineData("MY", "CN", "2024-04-04", "3A090.a", true, null, FindingCodes.NacAcaNotForDatacenter)]
    public void NAC_and_ACA_cover_the_entries_and_requirements_in_the_data(
        string destination, string headquarters, string date, string eccn, bool datacenter, LicenseException? exception, string? code)
    {
        var item = L40 with { Eccn = eccn, Entry = ControlEntries.Parse(eccn)!.Value, Datacenter = datacenter };
        var line = Evaluate(destination, date, item, Buyer(destination, headquarters));
        Assert.True(line.LicenseRequired);
        Assert.Equal(exception, line.Exception);
        if (code is not null)
        {
            Assert.True(line.Has(code));
        }
    }

    [Fact]
    public void Editing_what_NAC_and_ACA_cover_changes_the_answer()
    {
        var hqOrder = Order("MY", "2024-06-01", Rtx4090, Buyer("MY", "CN"));
        var advancedOnly = EvaluateWith(WithLicensing(l => l["nacAca"]!["covers"] = new JsonArray("advanced-computing")), hqOrder);
        Assert.True(advancedOnly.LicenseRequired);
        Assert.Null(advancedOnly.Exception);
        Assert.False(advancedOnly.Has(FindingCodes.NacAvailable));

        var withoutB = EvaluateWith(WithLicensing(l => l["nacAca"]!["eccns"] = new JsonArray("3A090.a", "4A090.a", "4A090.b")), Order("VN", "2024-06-01", L40));
        Assert.True(withoutB.LicenseRequired);
        Assert.Null(withoutB.Exception);

        var datacenterToo = EvaluateWith(WithLicensing(l => l["nacAca"]!["notForDatacenterEccns"] = new JsonArray()), Order("VN", "2024-06-01", H100));
        Assert.Equal(LicenseException.Aca, datacenterToo.Exception);
        Assert.False(datacenterToo.Has(FindingCodes.NacAcaNotForDatacenter));
    }

    [Theory]
    [InlineData("nacAca", "eccns", "$.nacAca.eccns[0]: unknown ECCN '3A090a'")]
    [InlineData("nacAca", "notForDatacenterEccns", "$.nacAca.notForDatacenterEccns[0]: unknown ECCN '3A090a'")]
    [InlineData("aiDiffusion", "worldwideEccns", "$.aiDiffusion.worldwideEccns[0]: unknown ECCN '3A090a'")]
    public void An_unknown_ECCN_is_refused_naming_its_path(string provision, string field, string message)
    {
        var error = Assert.Throws<FormatException>(() => WithLicensing(l => l[provision]![field]![0] = "3A090a"));
        Assert.Equal("licensing.json: " + message, error.Message);
    }

    [Fact]
    public void An_unknown_requirement_kind_is_refused_naming_its_path()
    {
        var error = Assert.Throws<FormatException>(() => WithLicensing(l => l["nacAca"]!["covers"]![0] = "everything"));
        Assert.Contains("$.nacAca.covers", error.Message, StringComparison.Ordinal);
    }

    static PartyFacts Party(PartyRole role, string name) => new() { Role = role, Name = name, Country = "AE", Screened = true };

    // $.supplement8[].recipientRoles: the end user, else the consignee, else the buyer is checked against supp. no. 8.
    [Theory]
    [InlineData("2026-07-10", "G42", null, null, true)]
    [InlineData("2026-07-10", "Example Trading LLC", "G42", null, true)]
    [InlineData("2026-07-10", "Example Trading LLC", "Example Logistics LLC", "G42", true)]
    [InlineData("2026-07-10", "G42", "Example Logistics LLC", null, false)]
    [InlineData("2026-07-11", "G42", "Example Logistics LLC", "Example Data Centre LLC", false)]
    [InlineData("2026-07-11", "Example Trading LLC", "G42", "Example Data Centre LLC", false)]
    public void Supplement_8_checks_the_first_recipient_role_the_order_has(string date, string buyer, string? consignee, string? endUser, bool matched)
    {
        var parties = new List<PartyFacts> { Party(PartyRole.Buyer, buyer) };
        if (consignee is not null)
        {
            parties.Add(Party(PartyRole.Consignee, consignee));
        }

        if (endUser is not null)
        {
            parties.Add(Party(PartyRole.EndUser, endUser));
        }

        var line = Assert.Single(Evaluate(Order("AE", date, H100) with { Parties = parties }).Lines);
        Assert.Equal(matched, line.Has(FindingCodes.Supplement8Entity));
        Assert.Equal(!matched, line.LicenseRequired);
    }

    [Fact]
    public void Editing_the_recipient_roles_changes_whose_name_is_checked()
    {
        var order = Order("AE", "2026-08-01", H100) with { Parties = [Party(PartyRole.Buyer, "G42"), Party(PartyRole.EndUser, "Example Data Centre LLC")] };
        Assert.True(Assert.Single(Evaluate(order).Lines).LicenseRequired);
        var rules = WithLicensing(l => l["supplement8"]![0]!["recipientRoles"] = new JsonArray("buyer"));
        var line = EvaluateWith(rules, order);
        Assert.False(line.LicenseRequired);
        Assert.True(line.Has(FindingCodes.Supplement8Entity));
    }

    static OrderFacts CitationScenario(string scenario)
    {
        ScreeningFact Hit(HitDisposition disposition) => new()
        {
            List = "Example Watch List",
            Entry = "Example Buyer Co.",
            Score = 0.97,
            Decision = ScreeningDecision.Hit,
            Disposition = disposition,
        };

        var line = scenario switch
        {
            "itemNotControlled" => Line("Example NPU", "none", false, 100, 1, 100, null),
            "antiTerrorismOnly" => H20,
            "classificationIndeterminate" => Line("Example GPU", "indeterminate", true, null, null, null, null),
            _ => H100,
        };
        var order = Order(scenario == "notAnExport" ? "US" : "CN", "2024-06-01", line);
        return scenario switch
        {
            "screeningNotPerformed" => order with { Parties = [Buyer("CN") with { Screened = false }] },
            "unknownList" => order with { Parties = [Buyer("CN", null, Hit(HitDisposition.ConfirmedMatch))] },
            "screeningHitOnUnknownList" => order with { Parties = [Buyer("CN", null, Hit(HitDisposition.Pending))] },
            _ => order,
        };
    }

    // $.citations: findings that rest on no dated provision cite the CFR text in the data, not a C# literal.
    [Theory]
    [InlineData("notAnExport", FindingCodes.NotAnExport)]
    [InlineData("screeningNotPerformed", FindingCodes.ScreeningNotPerformed)]
    [InlineData("screeningHitOnUnknownList", FindingCodes.ScreeningPotentialHit)]
    [InlineData("unknownList", FindingCodes.ListedPartyUnknownList)]
    [InlineData("itemNotControlled", FindingCodes.ItemNotControlled)]
    [InlineData("antiTerrorismOnly", FindingCodes.ItemAntiTerrorismOnly)]
    [InlineData("classificationIndeterminate", FindingCodes.ClassificationIndeterminate)]
    public void A_finding_cites_the_citation_in_the_data(string field, string code)
    {
        var shipped = JsonNode.Parse(Read("licensing.json"))!["citations"]![field]!.GetValue<string>();
        Assert.StartsWith("15 CFR ", shipped, StringComparison.Ordinal);
        Assert.Equal(shipped, Assert.Single(Evaluate(CitationScenario(field)).Lines).Finding(code).Citation);

        var rules = WithLicensing(l => l["citations"]![field] = "15 CFR 999.1 (edited)");
        Assert.Equal("15 CFR 999.1 (edited)", EvaluateWith(rules, CitationScenario(field)).Finding(code).Citation);
    }

    static LineFacts Part(double? memory, double? interconnect) => Line("Hypothetical China part", "4A994.l", true, 2000, 2.0, memory, interconnect);

    // letters.json $.letters[i].criterionFigures / criterionCombine: which figures of a line must reach the letter's
    // thresholds and how they combine. Shipped: the H20's memory (4,000 GB/s) OR interconnect (900 GB/s); edited: both
    // must be reached, or only the interconnect counts.
    [Theory]
    [InlineData(null, 4000.0, 400.0, true)]
    [InlineData(null, 3999.9, 899.9, false)]
    [InlineData(null, 3999.9, 900.0, true)]
    [InlineData(null, 4100.0, null, true)]
    [InlineData(null, null, null, false)]
    [InlineData("all", 4100.0, 400.0, false)]
    [InlineData("all", 4000.0, 900.0, true)]
    [InlineData("all", 4100.0, null, false)]
    [InlineData("interconnect-only", 4100.0, 400.0, false)]
    [InlineData("interconnect-only", 2000.0, 900.0, true)]
    public void The_letter_criterion_combines_the_figures_the_data_names(string? edit, double? memory, double? interconnect, bool covered)
    {
        var order = Order("CN", "2025-06-01", Part(memory, interconnect), exporter: "NVIDIA");
        var line = edit switch
        {
            null => Assert.Single(Evaluate(order).Lines),
            "all" => EvaluateWith(WithFile("letters.json", l => l["letters"]![0]!["criterionCombine"] = "all"), order),
            _ => EvaluateWith(WithFile("letters.json", l => l["letters"]![0]!["criterionFigures"]!.AsArray().RemoveAt(0)), order),
        };
        Assert.Equal(covered, line.Has(FindingCodes.LetterLicense));
        Assert.Equal(covered, line.LicenseRequired);
        if (covered)
        {
            Assert.Contains(edit == "all" ? "all must reach theirs" : "any one reaching its threshold suffices", line.Finding(FindingCodes.LetterLicense).Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("criterionCombine", "\"either\"", "$.letters[0].criterionCombine")]
    [InlineData("criterionFigures", "[{\"figure\":\"bandwidth\",\"atLeastGbs\":4000}]", "$.letters[0].criterionFigures[0].figure")]
    [InlineData("criterionFigures", "[{\"figure\":\"interconnect\",\"atLeastGbs\":900},{\"figure\":\"interconnect\",\"atLeastGbs\":800}]", "letters.json: $.letters[0].criterionFigures[1].figure: the figure is named twice")]
    [InlineData("criterionCombine", null, "letters.json: $.letters[0].criterionCombine: required when criterionFigures is given (any or all)")]
    [InlineData("criterionFigures", null, "letters.json: $.letters[0].criterionCombine: given without criterionFigures to combine")]
    public void A_bad_letter_criterion_is_refused_naming_its_path(string field, string? json, string message)
    {
        var error = Assert.Throws<FormatException>(() => WithFile("letters.json", l =>
        {
            var letter = l["letters"]![0]!.AsObject();
            if (json is null)
            {
                letter.Remove(field);
            }
            else
            {
                letter[field] = JsonNode.Parse(json);
            }
        }));
        Assert.StartsWith("letters.json: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    // Every group list is checked at load: a label the engine cannot parse would otherwise match no country, silently.
    [Theory]
    [InlineData("licensing.json", "advancedComputing.groups", 1)]
    [InlineData("licensing.json", "advancedComputing.excludingGroups", 0)]
    [InlineData("licensing.json", "hbm.destinationGroups", 0)]
    [InlineData("licensing.json", "nacAca.acaGroups", 1)]
    [InlineData("letters.json", "letters[0].destinationGroups", 0)]
    [InlineData("letters.json", "letters[1].destinationGroups", 0)]
    [InlineData("end-uses.json", "endUses[0].periods[2].destinationGroups", 0)]
    [InlineData("end-uses.json", "endUses[1].periods[2].destinationGroups", 0)]
    public void An_unknown_group_label_is_refused_naming_its_file_and_path(string file, string path, int index)
    {
        Assert.NotNull(At(JsonNode.Parse(Read(file))!, path)[index]);
        var error = Assert.Throws<FormatException>(() => WithFile(file, j => At(j, path)[index] = "D 4"));
        Assert.Equal($"{file}: $.{path}[{index}]: unknown country group 'D 4'", error.Message);
    }

    // The January-2026 box: a party headquartered in Macau or D:5 outside the box's destinations keeps the line out of
    // it; the finding says which entry of $.macauOrD5 the headquarters matched and which destinations the box has.
    [Fact]
    public void The_box_names_the_headquarters_test_and_destinations_from_the_data()
    {
        var shipped = Evaluate("CN", "2026-03-01", H200, Buyer("CN", "VE"));
        Assert.Equal(ReviewPolicy.PresumptionOfDenial, shipped.ReviewPolicy);
        Assert.Contains("headquartered in VE (Country Group D:5), outside the policy's destinations (CN, MO)",
            shipped.Finding(FindingCodes.ChinaCaseByCaseNotAvailable).Message, StringComparison.Ordinal);

        var widened = EvaluateWith(WithLicensing(l => l["chinaCaseByCase"]![0]!["destinations"]!.AsArray().Add("VE")), Order("CN", "2026-03-01", H200, Buyer("CN", "VE")));
        Assert.Equal(ReviewPolicy.CaseByCase, widened.ReviewPolicy);
        Assert.False(widened.Has(FindingCodes.ChinaCaseByCaseNotAvailable));

        var uae = EvaluateWith(WithLicensing(l => l["macauOrD5"]!["countries"]!.AsArray().Add("AE")), Order("CN", "2026-03-01", H200, Buyer("CN", "AE")));
        Assert.Equal(ReviewPolicy.PresumptionOfDenial, uae.ReviewPolicy);
        Assert.Contains("headquartered in AE (listed beside D:5), outside the policy's destinations (CN, MO)",
            uae.Finding(FindingCodes.ChinaCaseByCaseNotAvailable).Message, StringComparison.Ordinal);
        Assert.Equal(ReviewPolicy.CaseByCase, Evaluate("CN", "2026-03-01", H200, Buyer("CN", "AE")).ReviewPolicy);
    }

    static void BoxFrom(JsonObject licensing, string from)
    {
        licensing["chinaCaseByCase"]![0]!["from"] = from;
        licensing["volumeCap"]!["scopeBeforeFirstVersion"] = from;
    }

    // $.chinaCaseByCase[].from names the box in the findings: its effective month, not a month written in C#. H200 to
    // China is inside the box; origin unknown (US assumed) it moves to case-by-case; from Germany it is not available.
    [Theory]
    [InlineData(null, null, "the January 2026 case-by-case policy", "under the January 2026 rule")]
    [InlineData("DE", null, "case-by-case review (January 2026) not available", null)]
    [InlineData(null, "2026-02-01", "the February 2026 case-by-case policy", "under the February 2026 rule")]
    [InlineData("DE", "2026-02-01", "case-by-case review (February 2026) not available", null)]
    public void The_box_is_named_by_the_month_its_version_takes_effect(string? origin, string? boxFrom, string boxText, string? policyText)
    {
        var rules = boxFrom is null ? TestRules.Regulation : WithLicensing(l => BoxFrom(l, boxFrom));
        var line = EvaluateWith(rules, Order("CN", "2026-03-01", H200, origin: origin));

        Assert.Contains(line.Findings, f => f.Message.Contains(boxText, StringComparison.Ordinal));
        var policy = line.Finding(FindingCodes.ReviewPolicy).Message;
        if (policyText is null)
        {
            Assert.DoesNotContain(" rule, instead of", policy, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains(policyText, policy, StringComparison.Ordinal);
        }
    }

    /// <summary>The shipped rules with the memberships of <paramref name="country"/> in country-groups.json replaced by <paramref name="groups"/>.</summary>
    static Regulation WithMemberships(string country, params string[] groups) => WithFile("country-groups.json", g =>
    {
        foreach (var group in g["groups"]!.AsArray())
        {
            var members = group!["members"]!.AsArray();
            foreach (var member in members.Where(m => (string?)m!["country"] == country).ToList())
            {
                members.Remove(member);
            }

            if (groups.Contains((string)group["id"]!))
            {
                members.Add(new JsonObject { ["country"] = country });
            }
        }
    });

    // The advanced-computing scope (D:1, D:4, D:5 less A:5/A:6) takes Macau from its memberships in country-groups.json
    // (D:1 and D:4), as any other destination: without them Macau is outside the scope; Brazil put in D:1 is inside it.
    [Theory]
    [InlineData(null, "MO", true)]
    [InlineData(null, "BR", false)]
    [InlineData(new string[0], "MO", false)]
    [InlineData(new[] { "D:4" }, "MO", true)]
    [InlineData(new[] { "D:1" }, "BR", true)]
    public void The_advanced_computing_scope_takes_Macau_from_the_country_groups(string[]? groups, string destination, bool inScope)
    {
        var rules = groups is null ? TestRules.Regulation : WithMemberships(destination, groups);
        var line = EvaluateWith(rules, Order(destination, "2024-06-01", H100, Buyer(destination, "US")));

        Assert.Equal(inScope, line.Has(FindingCodes.RsAdvancedComputing));
        Assert.Equal(!inScope, line.Has(FindingCodes.RsOutsideScope));
    }
}
