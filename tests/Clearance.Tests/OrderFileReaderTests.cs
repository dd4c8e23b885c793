using Clearance.Orders;
using Clearance.Rules.Licensing;

namespace Clearance.Tests;

public sealed class OrderFileReaderTests
{
    static readonly ClearanceData Data = ClearanceData.Load(ClearanceData.DefaultDirectory);
    static readonly OrderFileReader Reader = new(Data.Catalog, Data.Countries);

    static string Order(string id = "A", string extra = "", string party = """{ "role": "buyer", "name": "Example GmbH", "country": "DE" }""", string line = """{ "item": "NVIDIA L40", "quantity": 2 }""") =>
        $$"""{ "id": "{{id}}", "date": "2024-06-01", "destination": "DE"{{extra}}, "parties": [ {{party}} ], "lines": [ {{line}} ] }""";

    static OrderFile Read(params string[] orders) => Reader.Read("[" + string.Join(",", orders) + "]", "orders.json");

    static string OnlyError(OrderFile file) => Assert.Single(file.Errors).ToString();

    [Fact]
    public void A_valid_order_is_read_with_its_item_resolved_from_the_catalog()
    {
        var order = Assert.Single(Read(Order()).Orders);
        Assert.Equal("NVIDIA L40", Assert.Single(order.Lines).Spec.Name);
        // Absent origin stays absent: the engine assumes the United States and says so where the answer depends on it.
        Assert.Null(order.Origin);
        Assert.Equal(EndUse.General, order.EndUse);
    }

    [Fact]
    public void Boards_in_the_catalog_are_completed_from_their_chip() =>
        Assert.Equal(4000, Assert.Single(Assert.Single(Read(Order(line: """{ "item": "NVIDIA HGX H20 8-GPU board", "quantity": 1 }""")).Orders).Lines).Spec.MemoryBandwidthGbs);

    [Fact]
    public void An_unknown_item_suggests_the_nearest_catalog_names() =>
        Assert.Equal(
            "orders.json: $[0].lines[0].item: 'H100' is not in the chip catalog; did you mean 'NVIDIA H100 NVL 94GB', 'NVIDIA H100 PCIe 80GB', 'NVIDIA H100 SXM5 80GB'?",
            OnlyError(Read(Order(line: """{ "item": "H100", "quantity": 1 }"""))));

    [Fact]
    public void Catalog_names_match_regardless_of_case() =>
        Assert.Single(Read(Order(line: """{ "item": "nvidia l40", "quantity": 1 }""")).Orders);

    [Theory]
    [InlineData("""{ "item": "NVIDIA L40", "quantity": 0 }""", "$[0].lines[0].quantity: 0 is not a quantity (at least 1)")]
    [InlineData("""{ "item": "NVIDIA L40", "quantity": 1.5 }""", "$[0].lines[0].quantity: 1.5 is not a whole number")]
    [InlineData("""{ "item": "NVIDIA L40", "quantity": "8" }""", "$[0].lines[0].quantity: \"8\" is not a number")]
    [InlineData("""{ "item": "NVIDIA L40" }""", "$[0].lines[0].quantity: missing")]
    [InlineData("""{ "item": "NVIDIA L40", "quantity": 1, "unitPrice": -3 }""", "$[0].lines[0].unitPrice: -3 is negative")]
    [InlineData("""{ "quantity": 1 }""", "$[0].lines[0]: a line needs 'item' (a catalog name) or 'spec' (an inline specification)")]
    [InlineData("""{ "spec": { "name": "X", "datacenter": "maybe" }, "quantity": 1 }""", "$[0].lines[0].spec.datacenter: \"maybe\" is not yes or no")]
    [InlineData("""{ "spec": { "name": "X", "tpp": "lots" }, "quantity": 1 }""", "$[0].lines[0].spec.tpp: \"lots\" is not a number")]
    public void Bad_lines_are_located_by_JSON_path(string line, string expected) =>
        Assert.Equal($"orders.json: {expected}", OnlyError(Read(Order(line: line))));

    [Theory]
    [InlineData(""", "endUse": "mining" """, "$[0].endUse: 'mining' is not a known end use (datacenter, supercomputer, advanced-node-ic, general)")]
    [InlineData(""", "origin": "USA" """, "$[0].origin: 'USA' is not an ISO 3166-1 alpha-2 country code")]
    [InlineData(""", "exporter": 42 """, "$[0].exporter: expected a string, found a number")]
    public void Bad_order_fields_are_located_by_JSON_path(string extra, string expected) =>
        Assert.Equal($"orders.json: {expected}", OnlyError(Read(Order(extra: extra))));

    [Fact]
    public void A_bad_role_and_a_bad_headquarters_are_both_reported()
    {
        var file = Read(Order(party: """{ "role": "shipper", "name": "X", "country": "DE", "headquarters": "ZZ" }"""));
        Assert.Equal(
            ["orders.json: $[0].parties[0].role: 'shipper' is not a role (buyer, consignee, end-user, intermediate)",
             "orders.json: $[0].parties[0].headquarters: 'ZZ' is not an ISO 3166-1 alpha-2 country code"],
            file.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void A_duplicate_order_id_is_an_error_and_the_first_order_is_kept()
    {
        var file = Read(Order("A"), Order("A"));
        Assert.Equal("orders.json: $[1].id: duplicate order id 'A' (first at $[0])", OnlyError(file));
        Assert.Single(file.Orders);
    }

    [Fact]
    public void An_order_that_is_not_an_object_does_not_hide_the_others()
    {
        var file = Read("42", Order("B"));
        Assert.Equal("orders.json: $[0]: expected an order object, found a number", OnlyError(file));
        Assert.Equal("B", Assert.Single(file.Orders).Id);
        Assert.False(file.Unreadable);
    }

    [Fact]
    public void Owners_are_read_for_the_Affiliates_rule()
    {
        var party = """{ "role": "buyer", "name": "X", "country": "DE", "owners": [ { "name": "Parent", "percent": 60, "country": "CN" } ] }""";
        var owner = Assert.Single(Assert.Single(Assert.Single(Read(Order(party: party)).Orders).Parties).Owners);
        Assert.Equal(new OwnerInput("Parent", 60, "CN"), owner);
    }

    [Fact]
    public void The_shipped_country_list_has_every_ISO_3166_1_code()
    {
        Assert.Equal(249, Data.Countries.Count);
        Assert.True(Data.Countries.IsKnown("MO"));
        Assert.True(Data.Countries.IsKnown("HK"));
        Assert.False(Data.Countries.IsKnown("XK"));
    }
}
