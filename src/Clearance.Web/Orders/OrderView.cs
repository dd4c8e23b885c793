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
    IReadOnlyList<PartyScreening> Screening, DiffusionReading Diffusion,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ListSnapshotAgeView>? Lists,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? MaxListAgeDays,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ListWarningView>? ListWarnings,
    OrderStatus Status, string SubmittedBy, DateTime SubmittedAt, string? ListVersionHash,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ReleaseView? Release);

/// <param name="By">Who.</param>
/// <param name="At">When, UTC.</param>
/// <param name="Reason">Why.</param>
public sealed record ReleaseView(string By, DateTime? At, string? Reason);

/// <summary>The order object of <c>evaluate</c>'s input (examples/orders.json), as <c>POST /api/orders</c> takes it (documentation:
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
public sealed record OrderLineBody(string? Item, ChipSpecBody? Spec, long Quantity, decimal? UnitPrice);

/// <summary>An inline item specification: the columns of the chip specification CSV (<c>classify</c>), by the same names;
/// each figure is a number, not negative; an absent or null one is unknown.</summary>
/// <param name="Name">The item's name (default: the line's <c>item</c>).</param>
/// <param name="Vendor">Who makes it.</param>
/// <param name="Year">The year it came out.</param>
/// <param name="Datacenter">Designed or marketed for datacenters: true/false or "yes"/"no".</param>
/// <param name="ItemType">ic (default), board or computer.</param>
/// <param name="DieAreaMm2">The applicable die area, mm².</param>
/// <param name="DenseTopsInt4">Dense INT4 TOPS.</param>
/// <param name="DenseTopsInt8">Dense INT8 TOPS.</param>
/// <param name="DenseTflopsFp4">Dense FP4 TFLOPS.</param>
/// <param name="DenseTflopsFp8">Dense FP8 TFLOPS.</param>
/// <param name="DenseTflopsFp16">Dense FP16 TFLOPS.</param>
/// <param name="DenseTflopsFp32">Dense FP32 TFLOPS.</param>
/// <param name="DenseTflopsFp64">Dense FP64 TFLOPS.</param>
/// <param name="Tpp">The published total processing performance (the larger of published and computed is used).</param>
/// <param name="MemoryBandwidthGbs">Memory bandwidth, GB/s.</param>
/// <param name="MemoryGb">Memory, GB.</param>
/// <param name="InterconnectGbs">Aggregate bidirectional I/O, GB/s.</param>
/// <param name="HbmBandwidthDensity">For HBM stacks, GB/s/mm².</param>
/// <param name="Source">Where the figures come from.</param>
/// <param name="Contains">For a board or computer: the chip it contains.</param>
/// <param name="ChipCount">For a board or computer: how many of those chips.</param>
public sealed record ChipSpecBody(
    string? Name, string? Vendor, int? Year, bool? Datacenter,
    [property: JsonPropertyName("item_type")] string? ItemType,
    [property: JsonPropertyName("die_area_mm2")] double? DieAreaMm2,
    [property: JsonPropertyName("dense_tops_int4")] double? DenseTopsInt4,
    [property: JsonPropertyName("dense_tops_int8")] double? DenseTopsInt8,
    [property: JsonPropertyName("dense_tflops_fp4")] double? DenseTflopsFp4,
    [property: JsonPropertyName("dense_tflops_fp8")] double? DenseTflopsFp8,
    [property: JsonPropertyName("dense_tflops_fp16")] double? DenseTflopsFp16,
    [property: JsonPropertyName("dense_tflops_fp32")] double? DenseTflopsFp32,
    [property: JsonPropertyName("dense_tflops_fp64")] double? DenseTflopsFp64,
    double? Tpp,
    [property: JsonPropertyName("memory_bandwidth_gbs")] double? MemoryBandwidthGbs,
    [property: JsonPropertyName("memory_gb")] double? MemoryGb,
    [property: JsonPropertyName("interconnect_gbs")] double? InterconnectGbs,
    [property: JsonPropertyName("hbm_bandwidth_density")] double? HbmBandwidthDensity,
    string? Source, string? Contains,
    [property: JsonPropertyName("chip_count")] int? ChipCount);
