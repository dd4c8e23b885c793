using System.Globalization;
using Clearance.Catalog;
using Clearance.Rules;

namespace Clearance.Tests;

public sealed class GoldenClassificationTests
{
    public static TheoryData<string, string, string> Cases()
    {
        var cases = new TheoryData<string, string, string>();
        using var reader = new StreamReader(Path.Combine(AppContext.BaseDirectory, "Golden", "classification.csv"));
        using var csv = new CsvHelper.CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        while (csv.Read())
        {
            cases.Add(csv.GetField("name")!, csv.GetField("as_of")!, csv.GetField("expected_eccn")!);
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Catalog_chip_classifies_as_the_golden_case_says(string name, string asOf, string expected)
    {
        var spec = Assert.Single(CatalogItems(), s => s.Name == name);
        var result = Classifier.Classify(spec, DateOnly.ParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture), Shipped.Data.Regulation);

        Assert.Equal(expected, result.Eccn);
        if (expected == "indeterminate")
        {
            Assert.NotEmpty(result.MissingFigures);
            Assert.All(result.MissingFigures, figure => Assert.Contains(figure, result.Reason, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Golden_file_covers_every_chip_of_the_catalog_on_four_dates()
    {
        var golden = Cases().Select(c => (string)c[0]).ToList();
        var chips = CatalogItems().Where(s => s.ItemType == ItemType.Ic).Select(s => s.Name).ToList();

        Assert.Equal(66, chips.Count);
        Assert.All(chips, chip => Assert.Equal(4, golden.Count(name => name == chip)));
    }

    static IReadOnlyList<ItemSpec> CatalogItems()
    {
        using var text = new StreamReader(Shipped.CatalogPath);
        return ChipSpecFile.ReadAll(text, Shipped.CatalogPath);
    }
}
