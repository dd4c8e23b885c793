using Clearance.Lists;

namespace Clearance.Tests.Lists;

public sealed class ListUpdateOptionsTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Without_sources_configured_the_update_downloads_trade_gov_s_published_files(string? configured)
    {
        var options = ListUpdateOptions.Parse(configured);

        Assert.Equal(
            ["https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.csv", "https://api.trade.gov/static/consolidated_screening_list/consolidated.csv"],
            options.Sources.Select(u => u.AbsoluteUri));
    }

    [Fact]
    public void Configured_sources_are_comma_separated_and_tried_in_the_order_given()
    {
        var options = ListUpdateOptions.Parse(" http://127.0.0.1:8080/a.csv ,https://mirror.example/lists/b.json,");

        Assert.Equal(["http://127.0.0.1:8080/a.csv", "https://mirror.example/lists/b.json"], options.Sources.Select(u => u.AbsoluteUri));
    }

    [Theory]
    [InlineData("ftp://mirror.example/consolidated.csv")]
    [InlineData("consolidated.csv")]
    [InlineData("file:///tmp/consolidated.csv")]
    public void A_source_that_is_not_an_http_url_is_refused_naming_the_setting_and_the_value(string source)
    {
        var e = Assert.Throws<InvalidOperationException>(() => ListUpdateOptions.Parse("https://mirror.example/ok.csv," + source));

        Assert.Equal($"configuration Lists:UpdateSources: '{source}' is not an http(s) URL", e.Message);
    }
}
