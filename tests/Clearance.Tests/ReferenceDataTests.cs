namespace Clearance.Tests;

public sealed class ReferenceDataTests
{
    /// <summary>A copy of the shipped data folder with one rules file edited.</summary>
    static DataFolder DataWith(string file, string find, string replace)
    {
        var folder = new DataFolder();
        folder.Edit(Path.Combine("rules", file), find, replace);
        return folder;
    }

    [Theory]
    [InlineData("licensing.json", "\"ownershipPercent\": 50", "\"ownershipPercent\": \"half\"", "$.affiliates[0].ownershipPercent")]
    [InlineData("licensing.json", "\"from\": \"2025-11-10\"", "\"from\": \"2025-09-01\"", "$.affiliates[1].from: 2025-09-01 is not later than the version before it")]
    [InlineData("classification.json", "\"effective\": \"2024-12-02\"", "\"effective\": \"2024-12-03\"", "$.regimes[2].effective: 2024-12-03 starts no vintage")]
    [InlineData("licensing.json", "\"policy\": \"presumption-of-denial\"", "\"policy\": \"maybe\"", "$.headquarters.reviewPolicies[1].policy")]
    [InlineData("licensing.json", "\"knownThrough\": \"2026-09-19\"", "\"knownThrough\": \"soon\"", "$.researchHorizon.knownThrough")]
    [InlineData("vintages.json", "\"effective\": \"2023-11-17\"", "\"effective\": \"2023-13-17\"", "$.vintages[1].effective")]
    [InlineData("classification.json", "\"value\": 4800", "\"value\": \"big\"", "$.regimes")]
    [InlineData("iso3166-1.json", "\"alpha2\"", "\"alpha_2\"", "$.countries[0]")]
    public void A_malformed_rules_file_is_refused_naming_the_file_and_the_JSON_path(string file, string find, string replace, string path)
    {
        using var data = DataWith(file, find, replace);

        var error = Assert.Throws<InvalidDataException>(() => ClearanceData.Load(data.Path));

        Assert.Contains(file, error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"aliases\": [", "\"aliases\": [ {", "$: ")]
    [InlineData("\"aliases\": [", "\"spellings\": [", "$.aliases: a required property is missing")]
    [InlineData("\"alpha2\": \"BS\"", "\"alpha2\": \"ZZ\"", "$.aliases[0].alpha2: 'ZZ' is not an ISO 3166-1 alpha-2 code")]
    [InlineData("\"name\": \"BAHAMAS, THE\",", "", "$.aliases[0].name: expected a string")]
    [InlineData("\"alpha2\": \"BS\"", "\"alpha2\": 44", "$.aliases[0].alpha2: expected a string")]
    public void A_malformed_country_spellings_file_is_refused_naming_the_file_and_the_JSON_path(string find, string replace, string problem)
    {
        using var data = new DataFolder();
        var file = data.Edit(Clearance.Orders.CountryCodes.AliasesFile, find, replace);

        var error = Assert.Throws<InvalidDataException>(() => ClearanceData.Load(data.Path));
        var countriesOnly = Assert.Throws<InvalidDataException>(() => ClearanceData.LoadCountries(ClearanceDataOptions.Default with { DataDirectory = data.Path }));

        Assert.StartsWith($"{file}: {problem}", error.Message, StringComparison.Ordinal);
        Assert.Equal(error.Message, countriesOnly.Message);
    }

    [Fact]
    public void A_malformed_ISO_country_file_is_refused_naming_the_file_and_the_JSON_path()
    {
        using var data = new DataFolder();
        data.Edit(Clearance.Orders.CountryCodes.IsoFile, "\"countries\": [", "\"nations\": [");

        var error = Assert.Throws<InvalidDataException>(() => ClearanceData.Load(data.Path));

        Assert.Equal($"{Path.Combine(data.Path, "rules")}/iso3166-1.json: $.countries: a required property is missing", error.Message);
    }

    [Theory]
    [InlineData("country-aliases.json")]
    [InlineData("rules/iso3166-1.json")]
    public void A_missing_country_file_is_refused_naming_it(string file)
    {
        using var data = new DataFolder();
        File.Delete(Path.Combine(data.Path, file));

        var error = Assert.ThrowsAny<IOException>(() => ClearanceData.Load(data.Path));

        Assert.Contains(Path.Combine(data.Path, file), error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string> VintageEdges() =>
        [.. Shipped.Data.Regulation.Vintages.SelectMany(v => new[] { v.Effective.AddDays(-1), v.Effective })
            .Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))];

    [Theory]
    [MemberData(nameof(VintageEdges))]
    public void Classify_and_evaluate_report_the_same_vintage_id_for_a_date(string date)
    {
        var day = DateOnly.ParseExact(date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var data = Shipped.Data;
        var spec = data.Catalog["NVIDIA H100 SXM5 80GB"];
        var order = new Clearance.Orders.OrderInput
        {
            Id = "V-1",
            Date = day,
            Destination = "DE",
            Parties = [],
            Lines = [new Clearance.Orders.LineInput(spec.Name, spec, 1, 1000m)],
        };

        var classified = Rules.Classifier.Classify(spec, day, data.Regulation).Vintage;
        var evaluated = new Clearance.Orders.OrderEvaluator(data, screener: null).Evaluate(order, asOf: null, Rules.Licensing.DiffusionReading.Enforced).Vintage;

        Assert.Equal(data.Regulation.VintageIdOn(day), classified);
        Assert.Equal(classified, evaluated);
    }
}
