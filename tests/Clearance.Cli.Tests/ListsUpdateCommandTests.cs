namespace Clearance.Cli.Tests;

public sealed class ListsUpdateCommandTests
{
    [Theory]
    [InlineData("ftp://mirror.example/consolidated.csv")]
    [InlineData("consolidated.csv")]
    public async Task A_source_that_is_not_an_http_url_is_refused_before_anything_is_downloaded(string source)
    {
        var run = await CliRun.Of("lists", "update", "--from", "https://mirror.example/consolidated.csv", "--from", source);

        Assert.Equal((2, "", $"--from: '{source}' is not an http(s) URL\n"), (run.Exit, run.Output, run.Error));
    }
}
