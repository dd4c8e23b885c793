namespace Clearance.Cli.Tests;

public sealed class EvaluateBadInputTests
{
    const string GoodOrder = """
        { "id": "OK-1", "date": "2024-06-01", "destination": "VN",
          "parties": [ { "role": "buyer", "name": "Mekong Compute JSC", "country": "VN", "headquarters": "VN" } ],
          "lines": [ { "item": "NVIDIA L40", "quantity": 8, "unitPrice": 9000 } ] }
        """;

    [Fact]
    public async Task Invalid_JSON_is_exit_2_with_the_line_and_nothing_on_stdout()
    {
        var path = OrderFiles.TempFile("[ { \"id\": \"A\", \n \"date\": } ]");
        var (exit, output, error) = await OrderFiles.RunAsync("evaluate", path);
        Assert.Equal(CliApp.BadInput, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains("line 2", error, StringComparison.Ordinal);
        Assert.Contains("invalid JSON", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_an_array_is_exit_2()
    {
        var (exit, output, error) = await OrderFiles.RunAsync("evaluate", OrderFiles.TempFile("{ \"id\": \"A\" }"));
        Assert.Equal(CliApp.BadInput, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains("$: expected an array of orders", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_is_exit_2()
    {
        var (exit, _, error) = await OrderFiles.RunAsync("evaluate", "/nonexistent/orders.json");
        Assert.Equal(CliApp.BadInput, exit);
        Assert.Contains("cannot read the file", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_orders_are_reported_by_JSON_path_and_the_good_ones_are_still_decided()
    {
        var path = OrderFiles.TempFile($$"""
            [
              {{GoodOrder}},
              { "id": "BAD-ITEM", "date": "2024-06-01", "destination": "VN",
                "parties": [ { "role": "buyer", "name": "A", "country": "VN" } ],
                "lines": [ { "item": "NVIDIA H100 SXM 80GB", "quantity": 1 } ] },
              { "id": "BAD-COUNTRY", "date": "2024-06-01", "destination": "XX",
                "parties": [ { "role": "buyer", "name": "A", "country": "vn" } ],
                "lines": [ { "item": "NVIDIA L40", "quantity": 1 } ] },
              { "id": "NO-DATE", "destination": "VN",
                "parties": [ { "role": "buyer", "name": "A", "country": "VN" } ],
                "lines": [ { "item": "NVIDIA L40", "quantity": 1 } ] },
              { "id": "NEGATIVE", "date": "2024-06-01", "destination": "VN",
                "parties": [ { "role": "buyer", "name": "A", "country": "VN" } ],
                "lines": [ { "item": "NVIDIA L40", "quantity": -5 } ] }
            ]
            """);
        var (exit, output, error) = await OrderFiles.RunAsync("evaluate", path);
        Assert.Equal(CliApp.BadInput, exit);
        var file = Path.GetFileName(path);
        Assert.Contains($"{file}: $[1].lines[0].item: 'NVIDIA H100 SXM 80GB' is not in the chip catalog; did you mean 'NVIDIA H100 SXM5 80GB'", error, StringComparison.Ordinal);
        Assert.Contains($"{file}: $[2].destination: 'XX' is not an ISO 3166-1 alpha-2 country code", error, StringComparison.Ordinal);
        Assert.Contains($"{file}: $[2].parties[0].country: 'vn' is not an ISO 3166-1 alpha-2 code; did you mean 'VN'", error, StringComparison.Ordinal);
        Assert.Contains($"{file}: $[3].date: missing", error, StringComparison.Ordinal);
        Assert.Contains($"{file}: $[4].lines[0].quantity: -5 is negative", error, StringComparison.Ordinal);
        Assert.Contains("\"orderId\": \"OK-1\"", output, StringComparison.Ordinal);
        Assert.Contains("\"verdict\": \"exception\"", output, StringComparison.Ordinal);
        Assert.DoesNotContain("BAD-ITEM", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--as-of", "2025-02-30")]
    [InlineData("--format", "xml")]
    [InlineData("--diffusion", "maybe")]
    public async Task Bad_options_are_exit_2(string option, string value)
    {
        var (exit, output, _) = await OrderFiles.RunAsync("evaluate", OrderFiles.Golden("orders.json"), option, value);
        Assert.Equal(CliApp.BadInput, exit);
        Assert.Equal(string.Empty, output);
    }

    [Fact]
    public async Task Hostile_names_get_a_clear_error_or_a_decision_never_a_crash()
    {
        var huge = new string('A', 10_000_000);
        var path = OrderFiles.TempFile($$"""
            [
              { "id": "ZW", "date": "2024-06-01", "destination": "DE",
                "parties": [ { "role": "buyer", "name": "\u200B\u200C\u200D", "country": "DE", "address": "{{new string('x', 5000)}}" } ],
                "lines": [ { "item": "NVIDIA L40", "quantity": 1 } ] },
              { "id": "HUGE", "date": "2024-06-01", "destination": "DE",
                "parties": [ { "role": "buyer", "name": "{{huge}}", "country": "DE" } ],
                "lines": [ { "item": "NVIDIA L40", "quantity": 1 } ] }
            ]
            """);
        var (exit, output, error) = await OrderFiles.RunAsync("evaluate", path);
        Assert.Equal(CliApp.BadInput, exit);
        Assert.Contains("$[1].parties[0].name: is 10000000 characters long; the limit is 1000", error, StringComparison.Ordinal);
        Assert.Contains("\"orderId\": \"ZW\"", output, StringComparison.Ordinal);
    }
}
