namespace Clearance.Screening.Tests;

/// <summary>An explanation states the numbers the score was computed from; redoing its arithmetic gives the score.</summary>
public sealed class ExplanationTests
{
    // Numbers are written with four decimals; a handful of rounded factors stays well inside this.
    const double Tolerance = 0.0005;

    [Theory]
    [InlineData("Huawei Tech Co", "Huawei Technologies Co., Ltd. Shenzhen Branch", PartyType.Unknown)]
    [InlineData("John Vasquez", "Juan Vasquez", PartyType.Individual)]
    [InlineData("Smith Johnson", "Johnson Smith", PartyType.Unknown)]
    [InlineData("Omar bin Abdullah", "Abdullah bin Omar", PartyType.Individual)]
    [InlineData("Octavian Scholz", "Olaf Scholz", PartyType.Individual)]
    [InlineData("China State Shipbuilding Corporation 12th Research Institute", "China State Shipbuilding Corporation 14th Research Institute", PartyType.Unknown)]
    [InlineData("Shenzhen Fenghua Technology Co., Ltd.", "Shenzhen Huawei Technology Co., Ltd.", PartyType.Unknown)]
    [InlineData("Acme Trading LLC", "Acme Trading GmbH", PartyType.Unknown)]
    [InlineData("FridrichBuchenberg", "Friedrich Buchenberg", PartyType.Individual)]
    [InlineData("鈴木一郎", "Ichiro Suzuki", PartyType.Individual)]
    [InlineData("Semiconductor Manufacturing International Corporation", "SMIC", PartyType.Unknown)]
    [InlineData("Ivan Petrov", "Ivan Sergeyevich Petrov", PartyType.Individual)]
    [InlineData("Huawei Technologies Co., Ltd.", "HUAWEI TECHNOLOGIES CO., LTD.", PartyType.Unknown)]
    [InlineData("Beijing Trading Company", "Shanghai Trading Company", PartyType.Unknown)]
    public void The_arithmetic_of_a_name_explanation_gives_its_score(string query, string listed, PartyType type)
    {
        var comparison = NameMatcher.Compare(query, listed, type);
        Assert.Equal(comparison.Score, ExplanationArithmetic.Replay(comparison.Explanation, Tolerance), Tolerance);
    }

    [Fact]
    public void The_arithmetic_of_every_name_bench_explanation_gives_its_score()
    {
        var wrong = new List<string>();
        foreach (var c in SimpleCsv.Read("name_bench_cases.csv"))
        {
            var type = c["schema"] == "Person" ? PartyType.Individual : PartyType.Unknown;
            var comparison = NameMatcher.Compare(c["name1"], c["name2"], type);
            var replayed = ExplanationArithmetic.Replay(comparison.Explanation, Tolerance);
            if (Math.Abs(replayed - comparison.Score) > Tolerance)
            {
                wrong.Add($"{c["name1"]} | {c["name2"]}: {comparison.Score} vs {replayed} :: {comparison.Explanation}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join('\n', wrong.Take(10)));
    }

    [Fact]
    public void States_the_weight_each_unmatched_listed_word_counted_with_rather_than_a_fixed_share()
    {
        var explanation = NameMatcher.Compare("Huawei Tech Co", "Huawei Technologies Co., Ltd. Shenzhen Branch").Explanation;
        Assert.DoesNotContain("half weight", explanation, StringComparison.Ordinal);
        Assert.Matches(@"unmatched listed \(weight x share\): .*\([0-9.]+x[0-9.]+\)", explanation);
    }

    static readonly ScreeningIndex Index = ScreeningIndex.Build(
    [
        new ListEntry { Id = "1", Name = "Marlow Stone Ltd", Type = PartyType.Entity, List = "test", ListVersion = "test", Countries = ["GB"],
            Addresses = [new ListAddress("12 Quarry Lane", "Leeds", "", "", "GB")] },
        new ListEntry { Id = "2", Name = "Petrov Ivan Sergeyevich", Type = PartyType.Individual, List = "test", ListVersion = "test", Countries = ["RU"] },
    ]);

    [Theory]
    [InlineData("Marlow Stones", "", "", PartyType.Individual)]
    [InlineData("Marlow Stones", "GB", "12 Quarry Lane Leeds", PartyType.Entity)]
    [InlineData("Marlow Stone Limited", "GB", "12 Quarry Lane Leeds", PartyType.Entity)]
    [InlineData("Marlow Stones", "FR", "", PartyType.Unknown)]
    [InlineData("Ivan Petrov", "RU", "", PartyType.Individual)]
    [InlineData("Ivan Petrov", "DE", "", PartyType.Entity)]
    public void The_arithmetic_of_a_screening_explanation_gives_the_adjusted_score(string name, string country, string address, PartyType type)
    {
        var matches = Index.Screen(new ScreeningQuery(name, country, address, type), top: 2);
        Assert.NotEmpty(matches);
        foreach (var match in matches)
        {
            Assert.Equal(match.Score, ExplanationArithmetic.Replay(match.Explanation, Tolerance), Tolerance);
        }
    }
}
