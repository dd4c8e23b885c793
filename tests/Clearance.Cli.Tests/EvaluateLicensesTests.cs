using System.Text.Json;

namespace Clearance.Cli.Tests;

public sealed class EvaluateLicensesTests
{
    const string Orders = """
        [
          { "id": "L-1", "date": "2025-09-01", "destination": "CN", "endUse": "datacenter", "exporter": "NVIDIA",
            "parties": [ { "role": "buyer", "name": "Jiangnan Inference Services Co., Ltd.", "country": "CN", "headquarters": "CN" } ],
            "lines": [ { "item": "NVIDIA H20 (HGX H20)", "quantity": 60, "unitPrice": 12000 } ] },
          { "id": "L-2", "date": "2025-09-02", "destination": "CN", "endUse": "datacenter", "exporter": "NVIDIA",
            "parties": [ { "role": "buyer", "name": "Jiangnan Inference Services Co., Ltd.", "country": "CN", "headquarters": "CN" } ],
            "lines": [ { "item": "NVIDIA H20 (HGX H20)", "quantity": 60, "unitPrice": 12000 } ] }
        ]
        """;

    const string Licenses = """
        [ { "number": "D1234567", "type": "license", "holder": "NVIDIA", "validFrom": "2025-08-08", "validTo": "2027-08-07",
            "destinations": ["CN"], "parties": [ { "name": "JIANGNAN INFERENCE SERVICES CO LTD", "country": "CN" } ],
            "lines": [ { "item": "NVIDIA H20 (HGX H20)", "quantity": 100, "value": 120000000 } ],
            "used": [ { "line": 0, "quantity": 30, "value": 360000 } ] } ]
        """;

    [Fact]
    public async Task Orders_are_matched_in_file_order_and_the_second_finds_what_the_first_and_the_used_amounts_left()
    {
        var (exit, output, error) = await OrderFiles.RunAsync("evaluate", OrderFiles.TempFile(Orders), "--licenses", OrderFiles.TempFile(Licenses));

        Assert.True(exit == CliApp.Ok, error);
        using var json = JsonDocument.Parse(output);
        var first = json.RootElement[0].GetProperty("lines")[0].GetProperty("license");
        var second = json.RootElement[1].GetProperty("lines")[0].GetProperty("license");
        Assert.Equal(("D1234567", "covered"), (first.GetProperty("number").GetString(), first.GetProperty("status").GetString()));
        // DESIGN.md's license object alone: the service's reserved amounts are not printed.
        Assert.Equal(["number", "status", "reasons"], first.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("not-covered", "quantity-exhausted"), (second.GetProperty("status").GetString(), second.GetProperty("reasons")[0].GetProperty("code").GetString()));
        Assert.Contains("10 units left", second.GetProperty("reasons")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_license_file_is_exit_2_naming_the_file_and_the_json_path()
    {
        var licenses = Licenses.Replace("\"quantity\": 100", "\"quantity\": 1.5", StringComparison.Ordinal);

        var (exit, output, error) = await OrderFiles.RunAsync("evaluate", OrderFiles.TempFile(Orders), "--licenses", OrderFiles.TempFile(licenses));

        Assert.Equal(CliApp.BadInput, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains("$[0].lines[0].quantity", error, StringComparison.Ordinal);
    }
}
