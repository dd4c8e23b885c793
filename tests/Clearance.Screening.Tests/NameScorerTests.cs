namespace Clearance.Screening.Tests;

public sealed class NameScorerTests
{
    static double Score(string a, string b, PartyType type = PartyType.Unknown) => NameMatcher.Score(a, b, type);

    [Theory]
    [InlineData("Huawei Technologies Co., Ltd.", "HUAWEI TECHNOLOGIES CO., LTD.")]
    [InlineData("Huawei Technologies Co., Ltd.", "Huawei Technologies Company Limited")]
    [InlineData("华为技术有限公司", "Huawei Technology Limited Company")]
    public void Scores_the_same_normalised_name_exactly_one(string a, string b) => Assert.Equal(1.0, Score(a, b));

    [Theory]
    [InlineData("Huawei Technologies Co., Ltd.", "Huawei Technologies")]
    [InlineData("Huawei Technologies Co., Ltd.", "华为技术有限公司")]
    [InlineData("HIKVISION Digital Technology", "Hik Vision Digital Technology")]
    [InlineData("Hangzhou Hikvision Digital Technology Co., Ltd.", "HIKVISION DIGITAL TECH CO LTD (HANGZHOU)")]
    [InlineData("GUANGZHOU HAIGE COMMUNICATIONS GROUP INCORPORATED COMPANY", "GUANGZHOU HAIGE COMM GRP")]
    [InlineData("Olaf Scholz", "Olaf Scholze")]
    [InlineData("Semiconductor Manufacturing International Corporation", "SMIC")]
    public void Scores_variants_of_one_name_as_a_match_below_one(string a, string b)
    {
        var score = Score(a, b);
        Assert.InRange(score, ScreeningDefaults.Threshold, 0.999);
    }

    [Theory]
    [InlineData("China State Shipbuilding Corporation 12th Research Institute", "China State Shipbuilding Corporation 14th Research Institute")]
    [InlineData("Octavian Scholz", "Olaf Scholz")]
    [InlineData("China Technology Company", "Beijing Technology Company")]
    [InlineData("Shenzhen Fenghua Technology Co., Ltd.", "Shenzhen Huawei Technology Co., Ltd.")]
    [InlineData("高石早苗", "高市早苗")]
    [InlineData("George Bush", "George Habbash")]
    public void Scores_different_names_below_the_threshold(string a, string b) =>
        Assert.True(Score(a, b) < ScreeningDefaults.Threshold, $"{a} vs {b}: {Score(a, b)}");

    [Fact]
    public void Ranks_a_closer_variant_above_a_looser_one() =>
        Assert.True(Score("Huawei Technologies Co., Ltd.", "Huawei Technologies Co Ltd Shenzhen")
                    > Score("Huawei Technologies Co., Ltd.", "Huawei Digital Technologies Shenzhen"));

    [Fact]
    public void Explains_which_tokens_aligned_and_what_was_discounted()
    {
        var comparison = NameMatcher.Compare("Huawei Tech Co", "Huawei Technologies Co., Ltd. Shenzhen Branch");
        Assert.Contains("huawei=huawei", comparison.Explanation, StringComparison.Ordinal);
        Assert.Contains("unmatched listed", comparison.Explanation, StringComparison.Ordinal);
    }
}
