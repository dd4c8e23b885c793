using System.Text.Json.Serialization;
using Clearance.Licenses;
using Clearance.Lists;
using Clearance.Rules.Licensing;

namespace Clearance.Orders;

/// <summary>A decision as <c>evaluate</c> prints it and an order stores it (<see cref="DecisionJson"/>): first the fields
/// integrations rely on, in this order (<c>orderId</c>, <c>asOf</c>, <c>vintage</c>, <c>verdict</c>, <c>lines</c>,
/// <c>screening</c>), then the extensions (<c>unconfirmed</c> on findings, <c>diffusion</c>, and, when the parties were
/// screened, <c>lists</c>, <c>maxListAgeDays</c> and <c>listWarnings</c>).</summary>
/// <param name="OrderId">The order's own id (<c>id</c> of the request).</param>
/// <param name="AsOf">The date whose rules decided it.</param>
/// <param name="Vintage">The rulebook vintage in force on that date.</param>
/// <param name="Verdict">The worst over lines and parties: cleared &lt; exception &lt; license-required &lt; hold.</param>
/// <param name="Lines">Per order line, in the order's order.</param>
/// <param name="Screening">Per party screened.</param>
/// <param name="Diffusion">The reading of the AI Diffusion rule applied.</param>
/// <param name="Lists">The list snapshots the parties were screened against (absent when nothing was screened).</param>
/// <param name="MaxListAgeDays">How much older than the order a snapshot may be before it is reported.</param>
/// <param name="ListWarnings">Snapshots older than that.</param>
public sealed record DecisionRecord(
    string OrderId, DateOnly AsOf, string Vintage, Verdict Verdict, IReadOnlyList<OrderLineView> Lines, IReadOnlyList<PartyScreening> Screening,
    DiffusionReading Diffusion,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ListSnapshotAgeView>? Lists,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? MaxListAgeDays,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ListWarningView>? ListWarnings)
{
    /// <summary>The record of <paramref name="decision"/>, with the list snapshots' ages when the parties were screened.</summary>
    public static DecisionRecord From(Decision decision, ListFreshness? freshness = null)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return new(
            decision.OrderId, decision.AsOf, decision.Vintage, decision.Verdict,
            [.. decision.Lines.Select(l => new OrderLineView(l.Item, l.Eccn, l.LicenseRequired, l.ReviewPolicy, l.Exception,
                l.Findings, null))],
            [.. decision.Screening.Select(p => p with { Score = p.Score is { } s ? Math.Round(s, 4) : null })],
            decision.Diffusion,
            freshness is null ? null : [.. freshness.Lists.Select(l => new ListSnapshotAgeView(l.Version, l.AsOf, freshness.DaysOlder(l)))],
            freshness?.MaxAgeDays,
            freshness is null ? null : [.. freshness.Stale.Select(l => new ListWarningView(ListWarningView.StaleCode, l.Version, freshness.Warning(l)))]);
    }

    /// <summary>The record with each license-required line's <c>license</c> object from <paramref name="coverage"/> (the
    /// last coverage of a line wins), with the amounts reserved when <paramref name="reserved"/>.</summary>
    public DecisionRecord WithLicenses(IEnumerable<LicenseCoverage> coverage, bool reserved)
    {
        var byLine = coverage.GroupBy(c => c.Line).ToDictionary(g => g.Key, g => g.Last());
        return this with
        {
            Lines = [.. Lines.Select((line, i) => byLine.TryGetValue(i, out var c) ? line with { License = LineLicenseView.Of(c, reserved) } : line)],
        };
    }
}

/// <param name="Item">The catalog name (or the inline spec's name).</param>
/// <param name="Eccn">The classification.</param>
/// <param name="LicenseRequired">Whether the line needs a license.</param>
/// <param name="ReviewPolicy">BIS's licensing policy for it, when a license is needed.</param>
/// <param name="Exception">The license exception that authorizes it, if any.</param>
/// <param name="Findings">Why, with citations.</param>
/// <param name="License">For a license-required line: the license that covers it, or why none does (the service's
/// orders; absent from the stored decision).</param>
public sealed record OrderLineView(
    string Item, string Eccn, bool LicenseRequired, ReviewPolicy? ReviewPolicy, LicenseException? Exception, IReadOnlyList<Finding> Findings,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] LineLicenseView? License);

/// <param name="Version">The snapshot's version.</param>
/// <param name="AsOf">The snapshot's date, when known.</param>
/// <param name="DaysOlderThanOrder">How many days older than the order's date it is.</param>
public sealed record ListSnapshotAgeView(string Version, DateOnly? AsOf, int? DaysOlderThanOrder);

/// <param name="Code"><c>list-snapshot-stale</c>.</param>
/// <param name="List">The snapshot's version.</param>
/// <param name="Message">In words.</param>
public sealed record ListWarningView(string Code, string List, string Message)
{
    /// <summary>The code of a snapshot older than the order by more than the allowed age.</summary>
    public const string StaleCode = "list-snapshot-stale";
}

/// <summary>The <c>license</c> object of a license-required line in <c>evaluate</c>'s output; the service's orders add the amounts reserved,
/// <c>evaluate --licenses</c> prints the contract's fields alone.</summary>
/// <param name="Number">The covering license's number, or the one that came closest (null when there is none).</param>
/// <param name="Status">covered or not-covered.</param>
/// <param name="Reasons">Why a license does not cover the line.</param>
/// <param name="QuantityReserved">Units reserved on the license (the service's orders).</param>
/// <param name="ValueReserved">Value reserved on the license (the service's orders).</param>
public sealed record LineLicenseView(
    string? Number, string Status, IReadOnlyList<ReasonView> Reasons,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? QuantityReserved,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? ValueReserved)
{
    /// <summary>The line's <paramref name="coverage"/>, with the amounts it reserves when <paramref name="reserved"/>.</summary>
    public static LineLicenseView Of(LicenseCoverage coverage, bool reserved)
    {
        ArgumentNullException.ThrowIfNull(coverage);
        return new(coverage.Number, coverage.Status, [.. coverage.Reasons.Select(r => new ReasonView(r.Code, r.Message))],
            reserved ? coverage.Quantity : null, reserved ? coverage.Value : null);
    }
}

/// <param name="Code">A stable code.</param>
/// <param name="Message">In words.</param>
public sealed record ReasonView(string Code, string Message);
