using Clearance.Lists;
using Clearance.Orders;
using Clearance.Screening;

namespace Clearance.Tests.Orders;

/// <summary>Orders EX-02 (cleared) and EX-10 (held: the end user Sugon is on the Entity List) of examples/orders.json.</summary>
static class SampleOrders
{
    public const string Cleared = """
        {"id": "EX-02", "date": "2024-09-15", "destination": "CN", "endUse": "datacenter", "exporter": "NVIDIA",
         "parties": [{"role": "buyer", "name": "Jiangnan Inference Services Co., Ltd.", "country": "CN", "headquarters": "CN"}],
         "lines": [{"item": "NVIDIA H20 (HGX H20)", "quantity": 512, "unitPrice": 12000}]}
        """;

    public const string Held = """
        {"id": "EX-10", "date": "2024-06-01", "destination": "CN", "endUse": "supercomputer",
         "parties": [{"role": "end-user", "name": "Sugon", "country": "CN", "headquarters": "CN", "address": "Haidian District, Beijing"}],
         "lines": [{"item": "NVIDIA H20 (HGX H20)", "quantity": 16, "unitPrice": 12000}]}
        """;

    static readonly Lazy<ClearanceData> Data = new(() => ClearanceData.Load(ClearanceData.DefaultDirectory));

    static readonly Lazy<ListSnapshot> ShippedLists = new(() => ListVersions.LoadShipped(Data.Value));

    /// <summary>The shipped list snapshots, never replaced: tests that import list versions use <see cref="NewLists"/>.</summary>
    public static ScreeningLists Lists { get; } = new(() => ShippedLists.Value);

    static readonly Lazy<OrderPipeline> Shipped = new(() => PipelineOver(Lists));

    static readonly Lazy<OrderPipeline> Unscreened = new(() => new OrderPipeline(Data.Value, null));

    /// <summary>The shipped rules and list snapshots, built once for the test run.</summary>
    public static OrderPipeline Pipeline => Shipped.Value;

    /// <summary>Lists of their own, starting from the shipped snapshots (built once), as a separate process has.</summary>
    public static ScreeningLists NewLists() => new(() => ShippedLists.Value);

    public static OrderPipeline PipelineOver(ScreeningLists lists) => new(Data.Value, new CurrentListScreener(lists, ScreeningDefaults.Threshold));

    /// <summary>The shipped rules with no lists: every party is not screened, which holds every order.</summary>
    public static OrderPipeline WithoutLists => Unscreened.Value;
}
