using Clearance.Orders;

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

    static readonly Lazy<OrderPipeline> Shipped = new(() => OrderPipeline.LoadShipped(ClearanceData.DefaultDirectory));

    static readonly Lazy<OrderPipeline> Unscreened = new(() => new OrderPipeline(EvaluationData.Load(ClearanceData.DefaultDirectory), null));

    /// <summary>The shipped rules and list snapshots, built once for the test run.</summary>
    public static OrderPipeline Pipeline => Shipped.Value;

    /// <summary>The shipped rules with no lists: every party is not screened, which holds every order.</summary>
    public static OrderPipeline WithoutLists => Unscreened.Value;
}
