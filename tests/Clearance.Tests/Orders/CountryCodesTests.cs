using Clearance.Lists;
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
        Assert.Equal(code, Shipped.Data.Countries.ToCode(country));

    [Fact]
    public void Every_shipped_ISO_name_maps_back_to_its_code()
    {
        var countries = Shipped.Data.Countries;
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

/// <summary>The countries come from the data folder loaded (<c>Data:Directory</c>), for orders and for lists alike.</summary>
public sealed class CountryDataFolderTests
{
    const string Oceania = """
        "aliases": [
          {
           "name": "OCEANIA",
           "alpha2": "NZ"
          },
        """;

    static DataFolder CustomCountries()
    {
        var folder = new DataFolder();
        folder.Edit(CountryCodes.AliasesFile, "\"aliases\": [", Oceania);
        folder.Edit(CountryCodes.IsoFile, "\"name\": \"Germany\"", "\"name\": \"Germany (custom data)\"");
        folder.WriteSmallLists(("OCEANIA TRADING LIMITED", "Oceania"), ("BERLIN TRADING GMBH", "Germany (custom data)"));
        return folder;
    }

    static IReadOnlyList<string> CountriesOf(ListSet set, string name) =>
        set.Lists.SelectMany(l => l.Entries).Single(e => e.Name == name).Countries;

    [Fact]
    public void A_custom_data_folder_s_country_files_are_the_ones_orders_and_its_lists_are_read_with()
    {
        using var folder = CustomCountries();
        using var cache = new TempFolder();

        var data = ClearanceData.Load(folder.Path);

        Assert.Equal("NZ", data.Countries.ToCode("Oceania"));
        Assert.Equal("", Shipped.Data.Countries.ToCode("Oceania"));
        Assert.Equal("Germany (custom data)", data.Countries.Name("DE"));
        Assert.Equal("DE", data.Countries.ToCode("germany (custom data)"));
        Assert.Equal("", data.Countries.ToCode("Germany"));
        Assert.Same(data.Countries, new OrderPipeline(data, screener: null).Countries);
        Assert.Equal(data.Countries.Fingerprint, ClearanceData.LoadCountries(data.Options).Fingerprint);
        foreach (var set in new[] { ListVersions.LoadShipped(data).Set, ListVersions.LoadShipped(data, cache.Path, TextWriter.Null).Set })
        {
            Assert.Equal(["NZ"], CountriesOf(set, "OCEANIA TRADING LIMITED"));
            Assert.Equal(["DE"], CountriesOf(set, "BERLIN TRADING GMBH"));
        }
    }

    [Fact]
    public void The_list_cache_keeps_a_snapshot_per_country_table()
    {
        using var folder = CustomCountries();
        using var cache = new TempFolder();
        var custom = ClearanceData.Load(folder.Path).Countries;
        var paths = ListVersions.Shipped(folder.Path).Select(s => s.Path).ToList();

        var withCustom = ListSet.Load(paths, custom, cache.Path, TextWriter.Null);
        var withShipped = ListSet.Load(paths, Shipped.Data.Countries, cache.Path, TextWriter.Null);
        var customAgain = ListSet.Load(paths, custom, cache.Path, TextWriter.Null);
        var customCached = ListSet.Load(paths, custom, cache.Path, TextWriter.Null);

        Assert.NotEqual(custom.Fingerprint, Shipped.Data.Countries.Fingerprint);
        Assert.NotEqual(ListCache.FileFor(paths, custom, cache.Path), ListCache.FileFor(paths, Shipped.Data.Countries, cache.Path));
        Assert.Equal(["NZ"], CountriesOf(withCustom, "OCEANIA TRADING LIMITED"));
        Assert.Empty(CountriesOf(withShipped, "OCEANIA TRADING LIMITED"));
        Assert.Empty(CountriesOf(withShipped, "BERLIN TRADING GMBH"));
        Assert.Equal(["NZ"], CountriesOf(customAgain, "OCEANIA TRADING LIMITED"));
        Assert.Equal(ListCache.FileFor(paths, custom, cache.Path), customCached.CacheFile);
        Assert.Equal(["NZ"], CountriesOf(customCached, "OCEANIA TRADING LIMITED"));
    }
}
