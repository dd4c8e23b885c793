using Clearance.Orders;

namespace Clearance.Tests.Orders;

public sealed class CountryCodesTests
{
    const string Iso = """{ "countries": [ { "alpha2": "IR", "name": "Iran, Islamic Republic of" }, { "alpha2": "KP", "name": "Korea, Democratic People's Republic of" } ] }""";

    [Theory]
    [InlineData("CN", "CN")]
    [InlineData(" cn ", "CN")]
    [InlineData("China", "CN")]
    [InlineData("Iran, Islamic Republic of", "IR")]
    [InlineData("IRAN", "IR")]
    [InlineData("KOREA, NORTH", "KP")]
    [InlineData("Burma", "MM")]
    [InlineData("Cote d Ivoire", "CI")]
    [InlineData("REGION: CRIMEA", "UA")]
    [InlineData("Curacao", "CW")]
    [InlineData("XX", "")]
    [InlineData("XK", "")]
    [InlineData("AN", "")]
    [InlineData("KOSOVO", "")]
    [InlineData("Atlantis", "")]
    [InlineData("", "")]
    public void Names_codes_and_list_spellings_map_to_ISO_3166_1_codes_only(string country, string code) =>
        Assert.Equal(code, CountryCodes.Shipped.ToCode(country));

    [Fact]
    public void Every_shipped_ISO_name_maps_back_to_its_code()
    {
        var countries = CountryCodes.Shipped;
        Assert.Equal(249, countries.Count);
        Assert.Equal("Taiwan, Province of China", countries.Name("TW"));
        Assert.Equal("TW", countries.ToCode("TAIWAN"));
        Assert.Equal("TW", countries.ToCode("Taiwan, Province of China"));
    }

    [Theory]
    [InlineData("""{ "aliases": [ { "name": "IRAN", "alpha2": "IR" }, { "name": "KOSOVO", "alpha2": "XK" } ] }""",
        "country-aliases.json: $.aliases[1].alpha2: 'XK' is not an ISO 3166-1 alpha-2 code")]
    [InlineData("""{ "aliases": [ { "name": "KP", "alpha2": "KP" } ] }""",
        "country-aliases.json: $.aliases[0].name: 'KP' is not a country name")]
    [InlineData("""{ "aliases": [ { "name": "iran, islamic republic of", "alpha2": "KP" } ] }""",
        "country-aliases.json: $.aliases[0].name: 'iran, islamic republic of' already stands for IR")]
    public void An_alias_file_that_names_no_ISO_country_is_refused_with_its_JSON_path(string aliases, string message) =>
        Assert.Equal(message, Assert.Throws<InvalidDataException>(() => CountryCodes.Parse(Iso, aliases)).Message);
}
