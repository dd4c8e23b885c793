using Clearance.Catalog;
using Clearance.Rules;
using Clearance.Rules.Licensing;

namespace Clearance.Orders;

/// <summary>Classifies each line, screens each party and asks the license engine what the law requires.</summary>
/// <param name="data">The shipped rules and catalog.</param>
/// <param name="screener">Restricted-party screening; null means parties are not screened, which holds every order.</param>
public sealed class OrderEvaluator(ClearanceData data, IPartyScreener? screener)
{
    readonly LicenseEngine _engine = new(data.Regulation);

    /// <summary>What the law requires for the order on <paramref name="asOf"/> (the order's date when null);
    /// <paramref name="screened"/>, when given, receives every name screened with its matches.</summary>
    public Decision Evaluate(OrderInput order, DateOnly? asOf, DiffusionReading reading, ICollection<ScreenedParty>? screened = null) =>
        Evaluate(order, asOf, reading, screener, screened);

    /// <summary>As <see cref="Evaluate(OrderInput, DateOnly?, DiffusionReading, ICollection{ScreenedParty}?)"/>, with the
    /// parties screened by <paramref name="with"/> instead of this evaluator's screener.</summary>
    public Decision Evaluate(OrderInput order, DateOnly? asOf, DiffusionReading reading, IPartyScreener? with, ICollection<ScreenedParty>? screened)
    {
        var date = asOf ?? order.Date;
        return _engine.Evaluate(Facts(order, date, with, screened), date, reading);
    }

    /// <summary>The license engine's decision on facts already gathered (a what-if reuses one screening for two rulebooks).</summary>
    public Decision Decide(OrderFacts facts, DateOnly date, DiffusionReading reading) => _engine.Evaluate(facts, date, reading);

    /// <summary>The order as the license engine sees it on a date: lines classified, parties screened.</summary>
    public OrderFacts Facts(OrderInput order, DateOnly date, ICollection<ScreenedParty>? screened = null) => Facts(order, date, screener, screened);

    OrderFacts Facts(OrderInput order, DateOnly date, IPartyScreener? with, ICollection<ScreenedParty>? screened)
    {
        var lines = ClassifyLines(order, date);
        var parties = new PartyFacts[order.Parties.Count];
        for (var i = 0; i < parties.Length; i++)
        {
            parties[i] = Screen(order.Parties[i], with, screened);
        }

        return new OrderFacts
        {
            Id = order.Id,
            Date = order.Date,
            Destination = order.Destination,
            EndUse = order.EndUse,
            Exporter = order.Exporter,
            Origin = order.Origin,
            Parties = parties,
            Lines = lines,
        };
    }

    /// <summary>The order's lines classified under this evaluator's rulebook on a date.</summary>
    public LineFacts[] ClassifyLines(OrderInput order, DateOnly date)
    {
        var lines = new LineFacts[order.Lines.Count];
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = Classify(order.Lines[i], date);
        }

        return lines;
    }

    LineFacts Classify(LineInput line, DateOnly date)
    {
        var spec = line.Spec;
        if (spec.Contains is { } chipName && data.Catalog.TryGetValue(chipName, out var chip) && spec.ItemType != ItemType.Ic)
        {
            spec = ChipSpecFile.WithChip(spec, chip);
        }

        var classification = Classifier.Classify(spec, date, data.Regulation);
        return new LineFacts
        {
            Item = line.Item,
            Eccn = classification.Eccn,
            Entry = ControlEntries.Parse(classification.Eccn) ?? ControlEntry.Indeterminate,
            ClassificationRule = classification.Rule,
            ClassificationReason = classification.Reason,
            ClassificationUnconfirmed = classification.Unconfirmed,
            Datacenter = spec.Datacenter,
            Tpp = classification.Tpp,
            PerformanceDensity = classification.PerformanceDensity,
            MemoryBandwidthGbs = spec.MemoryBandwidthGbs,
            InterconnectGbs = spec.InterconnectGbs,
            HbmBandwidthDensity = spec.HbmBandwidthDensity,
            Quantity = line.Quantity,
            UnitPrice = line.UnitPrice,
        };
    }

    static PartyFacts Screen(PartyInput party, IPartyScreener? with, ICollection<ScreenedParty>? screened) => new()
    {
        Role = party.Role,
        Name = party.Name,
        Country = party.Country,
        Headquarters = party.Headquarters,
        Screened = with is not null,
        Screening = ScreenName(with, party.Name, party.Country, party.Address, screened),
        Owners = with is null
            ? []
            : [.. party.Owners.Select(o => new OwnerFacts { Name = o.Name, Percent = o.Percent, Screening = ScreenName(with, o.Name, o.Country, null, screened) })],
    };

    static IReadOnlyList<ScreeningFact> ScreenName(IPartyScreener? with, string name, string? country, string? address, ICollection<ScreenedParty>? screened)
    {
        if (with is null)
        {
            return [];
        }

        var result = with.Screen(name, country, address);
        screened?.Add(new ScreenedParty(name, country, address, result));
        return result.Facts;
    }
}
