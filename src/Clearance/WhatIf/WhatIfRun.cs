using Clearance.Orders;
using Clearance.Rules;
using Clearance.Rules.Licensing;

namespace Clearance.WhatIf;

/// <summary>Runs the catalog and an order book through the rules in force and through the same rules with a proposal
/// applied, and reports the differences. Parties are screened once; only the regulation differs between the two runs.</summary>
public static class WhatIfRun
{
    /// <exception cref="ProposalException">The proposal does not fit the rules files.</exception>
    /// <exception cref="InvalidDataException">The rules with the proposal applied are not a valid rulebook (the message names the file and JSON path).</exception>
    public static WhatIfReport Run(
        ClearanceData current, Proposal proposal, DateOnly asOf, IReadOnlyList<OrderInput> orders, IPartyScreener? screener, DiffusionReading reading)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(orders);
        var proposed = current.WithRules(proposal.ApplyTo(current.RuleTexts), $"{proposal.File} applied to data/rules");

        var items = new List<WhatIfItem>(current.Catalog.Count);
        foreach (var (name, spec) in current.Catalog.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var before = Classifier.Classify(spec, asOf, current.Regulation).Eccn;
            var after = Classifier.Classify(spec, asOf, proposed.Regulation).Eccn;
            items.Add(new WhatIfItem(name, before, after, !before.Equals(after, StringComparison.Ordinal)));
        }

        var beforeEvaluator = new OrderEvaluator(current, screener);
        var afterEvaluator = new OrderEvaluator(proposed, screener);
        var decided = orders.AsParallel().AsOrdered().Select(order =>
        {
            var facts = beforeEvaluator.Facts(order, asOf);
            var proposedFacts = facts with { Lines = afterEvaluator.ClassifyLines(order, asOf) };
            return (Order: order, Before: beforeEvaluator.Decide(facts, asOf, reading), After: afterEvaluator.Decide(proposedFacts, asOf, reading));
        }).ToList();

        var lines = new List<WhatIfLine>();
        foreach (var (order, before, after) in decided)
        {
            for (var i = 0; i < order.Lines.Count; i++)
            {
                var input = order.Lines[i];
                var b = Outcome(before.Lines[i]);
                var a = Outcome(after.Lines[i]);
                lines.Add(new WhatIfLine(order.Id, i, input.Item, order.Destination, input.Quantity, input.UnitPrice * input.Quantity, b, a, b != a));
            }
        }

        return new WhatIfReport(
            proposal.Title,
            asOf,
            current.Regulation.VintageIdOn(asOf),
            proposed.Regulation.VintageIdOn(asOf),
            items.Count(i => i.Changed),
            items,
            lines.Count(l => l.Changed),
            lines,
            Totals(lines, l => l.Destination),
            Totals(lines, l => l.Item));
    }

    static WhatIfOutcome Outcome(LineDecision line) => new(
        line.Eccn,
        line.LicenseRequired,
        line.ReviewPolicy is { } policy ? WireNames.Name(policy) : null,
        line.Exception is { } exception ? WireNames.Name(exception) : null,
        WireNames.Name(line.Verdict));

    static List<WhatIfTotal> Totals(List<WhatIfLine> lines, Func<WhatIfLine, string> key) =>
        [.. lines.GroupBy(key, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var changed = g.Where(l => l.Changed).ToList();
            return new WhatIfTotal(
                g.Key,
                g.Count(),
                changed.Count,
                changed.Count(l => !l.Before.LicenseRequired && l.After.LicenseRequired),
                changed.Count(l => l.Before.LicenseRequired && !l.After.LicenseRequired),
                changed.Sum(l => l.Units),
                changed.Sum(l => l.Value ?? 0m),
                changed.Count(l => l.Value is null));
        })];
}
