namespace Clearance.Tests;

public sealed class ReferenceDataTests
{
    /// <summary>A copy of the shipped data folder with one rules file edited.</summary>
    static TempFolder DataWith(string file, string find, string replace)
    {
        var folder = new TempFolder();
        foreach (var path in Directory.EnumerateFiles(ClearanceData.DefaultDirectory, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(ClearanceData.DefaultDirectory, path);
            if (relative.StartsWith("lists", StringComparison.Ordinal))
            {
                continue;
            }

            var target = Path.Combine(folder.Path, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(path, target);
        }

        var edited = Path.Combine(folder.Path, "rules", file);
        var text = File.ReadAllText(edited);
        Assert.Contains(find, text, StringComparison.Ordinal);
        File.WriteAllText(edited, text.Replace(find, replace, StringComparison.Ordinal));
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
