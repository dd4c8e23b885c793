namespace Clearance.Cli.Tests;

public sealed class BadInputTests
{
    static async Task<CliRun> Rejects(params string[] args)
    {
        var run = await CliRun.Of(args);
        Assert.Equal(2, run.Exit);
        Assert.Equal("", run.Output);
        return run;
    }

    [Fact]
    public async Task A_non_numeric_figure_half_way_prints_nothing_and_names_file_line_and_column()
    {
        var path = CliRun.TempCsv("name,tpp,die_area_mm2\nGood chip,5000,800\nSecond good chip,100,50\nBad chip,abc,800\nLater chip,1,1\n");
        var run = await Rejects("classify", path, "--as-of", "2024-06-01", "--format", "csv");
        Assert.Equal($"{path}:4: column 'tpp': 'abc' is not a number\n", run.Error);
    }

    [Fact]
    public async Task A_negative_figure_is_rejected()
    {
        var path = CliRun.TempCsv("name,dense_tops_int8\nChip,-5\n");
        var run = await Rejects("classify", path);
        Assert.Equal($"{path}:2: column 'dense_tops_int8': '-5' is negative\n", run.Error);
    }

    [Fact]
    public async Task A_zero_die_area_is_rejected()
    {
        var path = CliRun.TempCsv("name,die_area_mm2\nChip,0\n");
        var run = await Rejects("classify", path);
        Assert.Equal($"{path}:2: column 'die_area_mm2': '0' must be greater than zero\n", run.Error);
    }

    [Fact]
    public async Task An_unknown_item_type_is_rejected()
    {
        var path = CliRun.TempCsv("name,item_type\nChip,wafer\n");
        var run = await Rejects("classify", path);
        Assert.Equal($"{path}:2: column 'item_type': 'wafer' is not an item type (ic, board or computer)\n", run.Error);
    }

    [Fact]
    public async Task A_datacenter_flag_other_than_yes_or_no_is_rejected()
    {
        var path = CliRun.TempCsv("name,datacenter\nChip,unclear\n");
        var run = await Rejects("classify", path);
        Assert.Equal($"{path}:2: column 'datacenter': 'unclear' is not yes or no\n", run.Error);
    }

    [Fact]
    public async Task A_missing_name_column_is_rejected()
    {
        var path = CliRun.TempCsv("vendor,tpp\nNVIDIA,5000\n");
        var run = await Rejects("classify", path);
        Assert.Equal($"{path}:1: column 'name': missing from the header (required)\n", run.Error);
    }

    [Fact]
    public async Task An_empty_name_is_rejected()
    {
        var path = CliRun.TempCsv("name,tpp\n,5000\n");
        var run = await Rejects("classify", path);
        Assert.Equal($"{path}:2: column 'name': is empty (required)\n", run.Error);
    }

    [Fact]
    public async Task An_empty_file_is_rejected()
    {
        var path = CliRun.TempCsv("");
        var run = await Rejects("classify", path);
        Assert.Equal($"{path}:1: empty file: a header row is required\n", run.Error);
    }

    [Fact]
    public async Task A_board_naming_an_unknown_chip_is_rejected()
    {
        var path = CliRun.TempCsv("name,item_type,contains\nBoard,board,No Such Chip\n");
        var run = await Rejects("classify", path);
        Assert.Equal($"{path}:2: column 'contains': 'No Such Chip' is not a chip in this file or in the catalog\n", run.Error);
    }

    [Fact]
    public async Task Every_bad_row_is_reported()
    {
        var path = CliRun.TempCsv("name,tpp,year\nA,x,2020\nB,1,y\n");
        var run = await Rejects("classify", path);
        Assert.Equal($"{path}:2: column 'tpp': 'x' is not a number\n{path}:3: column 'year': 'y' is not a whole number\n", run.Error);
    }

    [Fact]
    public async Task An_unreadable_file_is_rejected()
    {
        var path = Path.Combine(Path.GetTempPath(), $"clearance-missing-{Guid.NewGuid():N}.csv");
        var run = await Rejects("classify", path);
        Assert.StartsWith($"{path}: cannot read the file: ", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--as-of", "2024-13-01")]
    [InlineData("--as-of", "yesterday")]
    [InlineData("--compare-to", "2024/06/01")]
    public async Task A_malformed_date_is_rejected(string option, string value)
    {
        var run = await Rejects("classify", CliRun.Catalog, option, value);
        Assert.Equal($"{option}: '{value}' is not a date (YYYY-MM-DD)\n", run.Error);
    }

    [Fact]
    public async Task An_unknown_format_is_rejected()
    {
        var run = await Rejects("classify", CliRun.Catalog, "--format", "xml");
        Assert.Contains("xml", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc", "--die-area: 'abc' is not a number\n")]
    [InlineData("0", "--die-area: '0' must be greater than zero\n")]
    [InlineData("-5", "--die-area: '-5' must be greater than zero\n")]
    public async Task Envelope_rejects_a_bad_die_area(string area, string message)
    {
        var run = await Rejects("envelope", "--die-area", area);
        Assert.Equal(message, run.Error);
    }

    [Fact]
    public async Task Envelope_rejects_a_bad_date()
    {
        var run = await Rejects("envelope", "--die-area", "814", "--as-of", "2024-02-30");
        Assert.Equal("--as-of: '2024-02-30' is not a date (YYYY-MM-DD)\n", run.Error);
    }
}
