namespace Clearance.Cli.Tests;

public sealed class ClassifyCommandTests
{
    [Theory]
    [InlineData("csv", "classify-catalog-2024-06-01.csv")]
    [InlineData("table", "classify-catalog-2024-06-01.txt")]
    [InlineData("json", "classify-catalog-2024-06-01.json")]
    public async Task Classifying_the_catalog_matches_the_golden_output(string format, string golden)
    {
        var run = await CliRun.Of("classify", CliRun.Catalog, "--as-of", "2024-06-01", "--format", format);
        Assert.Equal(0, run.Exit);
        Golden.AssertMatches(golden, run.Output);
    }

    [Fact]
    public async Task Csv_output_has_the_contract_header()
    {
        var run = await CliRun.Of("classify", CliRun.Catalog, "--as-of", "2026-03-01", "--format", "csv");
        Assert.StartsWith("name,as_of,eccn,tpp,performance_density,rule,reason\n", run.Output, StringComparison.Ordinal);
        Assert.Contains("classified 69 items as of 2026-03-01", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("table", "compare-2023-06-01-2024-06-01.txt")]
    [InlineData("csv", "compare-2023-06-01-2024-06-01.csv")]
    [InlineData("json", "compare-2023-06-01-2024-06-01.json")]
    public async Task Compare_to_lists_the_items_whose_eccn_changes(string format, string golden)
    {
        var run = await CliRun.Of("classify", CliRun.Catalog, "--as-of", "2023-06-01", "--compare-to", "2024-06-01", "--format", format);
        Assert.Equal(0, run.Exit);
        Golden.AssertMatches(golden, run.Output);
    }

    [Fact]
    public async Task Compare_to_csv_gives_both_values_for_a_changed_item()
    {
        var run = await CliRun.Of("classify", CliRun.Catalog, "--as-of", "2023-06-01", "--compare-to", "2024-06-01", "--format", "csv");
        var a800 = run.Output.Split('\n').Where(l => l.StartsWith("NVIDIA A800 SXM4 80GB,", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, a800.Count);
        Assert.StartsWith("NVIDIA A800 SXM4 80GB,2023-06-01,none,", a800[0], StringComparison.Ordinal);
        Assert.StartsWith("NVIDIA A800 SXM4 80GB,2024-06-01,3A090.a,", a800[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_to_between_dates_with_the_same_classification_lists_nothing()
    {
        var csv = await CliRun.Of("classify", CliRun.Catalog, "--as-of", "2024-06-01", "--compare-to", "2026-03-01", "--format", "csv");
        Assert.Equal("name,as_of,eccn,tpp,performance_density,rule,reason\n", csv.Output);

        var table = await CliRun.Of("classify", CliRun.Catalog, "--as-of", "2024-06-01", "--compare-to", "2026-03-01");
        Assert.Equal("no item changes ECCN between the two dates\n", table.Output);
    }

    [Fact]
    public async Task Boards_classify_from_the_chips_they_contain_in_the_same_file()
    {
        using var temp = new TempCsv("item_type,name,contains,chip_count,datacenter,tpp,die_area_mm2\nboard,Eight-way L40 board,Test L40,8,,,\nic,Test L40,,,yes,2912,608\n");
        var path = temp.Path;
        var run = await CliRun.Of("classify", path, "--as-of", "2024-06-01", "--format", "csv");
        Assert.Equal(0, run.Exit);
        Assert.Contains("Eight-way L40 board,2024-06-01,4A090.b,2912,", run.Output, StringComparison.Ordinal);
        Assert.Contains("contains 8 x Test L40", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Boards_can_name_a_chip_of_the_shipped_catalog()
    {
        using var temp = new TempCsv("name,item_type,contains\nMy HGX H20 server,computer,NVIDIA H20 (HGX H20)\n");
        var path = temp.Path;
        var run = await CliRun.Of("classify", path, "--as-of", "2026-03-01", "--format", "csv");
        Assert.Equal(0, run.Exit);
        Assert.Contains("My HGX H20 server,2026-03-01,4A994.l,", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Columns_may_come_in_any_order_and_unknown_ones_are_ignored()
    {
        using var temp = new TempCsv("colour,tpp,die_area_mm2,name,datacenter\nred,1952,294,My L4,yes\n");
        var path = temp.Path;
        var run = await CliRun.Of("classify", path, "--as-of", "2024-06-01", "--format", "csv");
        Assert.Equal(0, run.Exit);
        Assert.Contains("My L4,2024-06-01,3A090.a,1952,6.6395,3A090.a.2,", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[red]My L4[/]")]
    [InlineData("[red")]
    [InlineData("My [[L4]]")]
    public async Task The_table_prints_names_as_written_never_as_markup(string name)
    {
        using var temp = new TempCsv($"name,tpp,die_area_mm2,datacenter\n\"{name}\",1952,294,yes\n");
        var run = await CliRun.Of("classify", temp.Path, "--as-of", "2024-06-01", "--format", "table");
        Assert.Equal(0, run.Exit);
        var row = Assert.Single(run.Output.Split('\n'), l => l.Contains("3A090.a.2", StringComparison.Ordinal));
        Assert.StartsWith($"{name} ", row.TrimStart(), StringComparison.Ordinal);
    }
}
