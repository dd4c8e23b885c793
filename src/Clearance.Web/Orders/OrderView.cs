using System.Text.Json.Serialization;
using Clearance.Orders;
using Clearance.Rules.Licensing;

namespace Clearance.Web.Orders;

/// <summary>An order as the API returns it: the decision as <c>evaluate</c> prints it, between the service's id and
/// the order's status.</summary>
/// <param name="Id">The service's number for the order.</param>
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
/// <param name="Status">cleared, exception, license-required, held, released or licensed.</param>
/// <param name="SubmittedBy">Who submitted it.</param>
/// <param name="SubmittedAt">When, UTC.</param>
/// <param name="ListVersionHash">The list versions its parties were screened against.</param>
/// <param name="Release">Who released the hold, when and why (absent until released).</param>
public sealed record OrderView(
    long Id, string OrderId, DateOnly AsOf, string Vintage, Verdict Verdict, IReadOnlyList<OrderLineView> Lines,
    IReadOnlyList<PartyScreeningView> Screening, DiffusionReading Diffusion,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ListSnapshotAgeView>? Lists,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? MaxListAgeDays,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ListWarningView>? ListWarnings,
    OrderStatus Status, string SubmittedBy, DateTime SubmittedAt, string? ListVersionHash,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ReleaseView? Release);

/// <param name="Item">The catalog name (or the inline spec's name).</param>
/// <param name="Eccn">The classification.</param>
/// <param name="LicenseRequired">Whether the line needs a license.</param>
/// <param name="ReviewPolicy">BIS's licensing policy for it, when a license is needed.</param>
/// <param name="Exception">The license exception that authorizes it, if any.</param>
/// <param name="Findings">Why, with citations.</param>
/// <param name="License">For a license-required line: the license that covers it, or why none does.</param>
public sealed record OrderLineView(
    string Item, string Eccn, bool LicenseRequired, ReviewPolicy? ReviewPolicy, LicenseException? Exception, IReadOnlyList<FindingView> Findings,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] LineLicenseView? License);

/// <param name="Code">A stable code.</param>
/// <param name="Citation">The Federal Register or CFR citation.</param>
/// <param name="Message">In words.</param>
/// <param name="Unconfirmed">True when the finding rests on a reading not yet confirmed.</param>
public sealed record FindingView(string Code, string Citation, string Message, bool Unconfirmed);

/// <param name="Role">buyer, consignee, end-user or intermediate.</param>
/// <param name="Name">The party's name as given.</param>
/// <param name="Decision">clear, hit or not-screened.</param>
/// <param name="List">The list of the best match, if any.</param>
/// <param name="Entry">The entry of the best match, if any.</param>
/// <param name="Score">The best match's score, 0 to 1.</param>
public sealed record PartyScreeningView(PartyRole Role, string Name, ScreeningDecision Decision, string? List, string? Entry, double? Score);

/// <param name="Version">The snapshot's version.</param>
/// <param name="AsOf">The snapshot's date, when known.</param>
/// <param name="DaysOlderThanOrder">How many days older than the order's date it is.</param>
public sealed record ListSnapshotAgeView(string Version, string? AsOf, int? DaysOlderThanOrder);

/// <param name="Code"><c>list-snapshot-stale</c>.</param>
/// <param name="List">The snapshot's version.</param>
/// <param name="Message">In words.</param>
public sealed record ListWarningView(string Code, string List, string Message);

/// <param name="Number">The covering license's number (null when none covers).</param>
/// <param name="Status">covered or not-covered.</param>
/// <param name="Reasons">Why a license does not cover the line.</param>
/// <param name="QuantityReserved">Units reserved on the license.</param>
/// <param name="ValueReserved">Value reserved on the license.</param>
public sealed record LineLicenseView(string? Number, string Status, IReadOnlyList<ReasonView> Reasons, long QuantityReserved, decimal ValueReserved);

/// <param name="Code">A stable code.</param>
/// <param name="Message">In words.</param>
public sealed record ReasonView(string Code, string Message);

/// <param name="By">Who.</param>
/// <param name="At">When, UTC.</param>
/// <param name="Reason">Why.</param>
public sealed record ReleaseView(string By, DateTime? At, string? Reason);

/// <summary>The order object of DESIGN.md's <c>evaluate</c> contract, as <c>POST /api/orders</c> takes it (documentation:
/// the body is read by the order reader, which names the JSON path of every problem).</summary>
/// <param name="Id">The order's own id, such as SO-1001.</param>
/// <param name="Date">The order date (YYYY-MM-DD); the rules in force that day decide.</param>
/// <param name="Destination">ISO 3166-1 alpha-2.</param>
/// <param name="EndUse">datacenter, supercomputer, advanced-node-ic or general (default).</param>
/// <param name="Exporter">The company shipping.</param>
/// <param name="Origin">The country the items leave from (default US).</param>
/// <param name="Parties">Buyer, consignee, end user, intermediates: each is screened.</param>
/// <param name="Lines">What is ordered.</param>
public sealed record OrderBody(
    string Id, DateOnly Date, string Destination, string? EndUse, string? Exporter, string? Origin, IReadOnlyList<OrderPartyBody> Parties,
    IReadOnlyList<OrderLineBody> Lines);

/// <param name="Role">buyer, consignee, end-user or intermediate.</param>
/// <param name="Name">The party's name.</param>
/// <param name="Country">ISO 3166-1 alpha-2.</param>
/// <param name="Headquarters">Country of the ultimate parent.</param>
/// <param name="Address">One line.</param>
/// <param name="Owners">Who owns the party; each owner is screened.</param>
public sealed record OrderPartyBody(PartyRole Role, string Name, string Country, string? Headquarters, string? Address, IReadOnlyList<OrderOwnerBody>? Owners);

/// <param name="Name">The owner's name.</param>
/// <param name="Percent">The share it owns, 0 to 100.</param>
/// <param name="Country">ISO 3166-1 alpha-2, when known.</param>
public sealed record OrderOwnerBody(string Name, double Percent, string? Country);

/// <param name="Item">A catalog name; or give <paramref name="Spec"/>.</param>
/// <param name="Spec">The chip's columns inline, as the chip specification CSV has them.</param>
/// <param name="Quantity">Units.</param>
/// <param name="UnitPrice">Price per unit, in the order's currency.</param>
public sealed record OrderLineBody(string? Item, System.Text.Json.JsonElement? Spec, long Quantity, decimal? UnitPrice);

/// <summary>A decision as <see cref="DecisionJson"/> stored it when the order was decided.</summary>
public sealed record StoredDecision(
    string OrderId, DateOnly AsOf, string Vintage, Verdict Verdict, IReadOnlyList<OrderLineView> Lines, IReadOnlyList<PartyScreeningView> Screening,
    DiffusionReading Diffusion, IReadOnlyList<ListSnapshotAgeView>? Lists, int? MaxListAgeDays, IReadOnlyList<ListWarningView>? ListWarnings);
