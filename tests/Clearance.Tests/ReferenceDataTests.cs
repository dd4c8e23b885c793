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

    [Fact]
    public void The_shipped_rules_give_classify_and_evaluate_one_vintage_list()
    {
        var data = ClearanceData.Load(ClearanceData.DefaultDirectory);
        foreach (var day in new[] { new DateOnly(2022, 10, 6), new DateOnly(2024, 4, 4), new DateOnly(2026, 11, 1) })
        {
            Assert.Equal(data.Rulebook.VintageOn(day)?.Id ?? Clearance.Rules.Rulebook.NoVintage, data.Licensing.VintageOn(day));
        }
    }
}
