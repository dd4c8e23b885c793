namespace Clearance.Screening.Tests;

public sealed class NameScorerTests
{
    static double Score(string a, string b, PartyType type = PartyType.Unknown) => NameMatcher.Score(a, b, type);

    /// <summary>The comparison of a screened name to a listed one, in that direction only (as a screen compares them).</summary>
    static NameComparison Directed(string query, string listed) =>
        NameScorer.Explain(NameNormalizer.NormalizePrimary(query), NameNormalizer.NormalizePrimary(listed));

    [Theory]
    [InlineData("Huawei Technologies Co., Ltd.", "HUAWEI TECHNOLOGIES CO., LTD.")]
    [InlineData("Huawei Technologies Co., Ltd.", "Huawei Technologies Company Limited")]
    [InlineData("华为技术有限公司", "Huawei Technology Limited Company")]
    public void Scores_the_same_normalised_name_exactly_one(string a, string b) => Assert.Equal(1.0, Score(a, b));

    [Theory]
    [InlineData("Chinese Academy of Launch Vehicle Technology", "China Academy of Launch Vehicle Technology")]
    [InlineData("China Academy of Engineering Physics", "Chinese Academy of Engineering Physics")]
    [InlineData("Iranian Aircraft Industries", "Iran Aircraft Industries")]
    [InlineData("Russian Federal Nuclear Center", "Russia Federal Nuclear Center")]
    [InlineData("Korean Mining Development Trading Corporation", "Korea Mining Development Trading Corporation")]
    // 中国 reads as "China" or "Chinese", whichever the English list wrote.
    [InlineData("中国运载火箭技术研究院", "China Academy of Launch Vehicle Technology")]
    [InlineData("中国航空工业集团第六一二研究所", "Aviation Industry Corporation of China 612 Institute")]
    public void Reads_a_country_s_adjective_as_the_country_in_an_organisation_name(string a, string b) =>
        Assert.True(Score(a, b) >= ScreeningDefaults.Threshold, NameMatcher.Compare(a, b).Explanation);

    [Fact]
    public void Keeps_an_adjective_that_is_also_a_given_name_as_a_name() =>
        Assert.True(Score("German Gref", "Germany Gref", PartyType.Individual) < 1.0);

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

    [Theory]
    [InlineData("Trading Group", "Global Trading Group")]
    [InlineData("Industries Group", "Chemical Industries Group")]
    public void Counts_in_full_a_listed_industry_word_the_query_lacks_when_neither_name_has_a_distinctive_word(string query, string listed)
    {
        var comparison = Directed(query, listed);
        Assert.True(comparison.Score < ScreeningDefaults.Threshold, comparison.Explanation);
        Assert.Contains("in full as neither name has a distinctive word", comparison.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Le Electronics Company", "LES Electronics")]
    [InlineData("Sa Holdings Ltd", "Holding")]
    [InlineData("Le Instruments Ltd", "ZAO Instrument")]
    public void Does_not_read_names_of_industry_words_alone_as_one_spelling_of_their_letters(string query, string listed)
    {
        var comparison = Directed(query, listed);
        Assert.True(comparison.Score < ScreeningDefaults.Threshold, comparison.Explanation);
        Assert.DoesNotContain("ignoring spaces", comparison.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    // 集团 is "group" or "corporation" (CC-CEDICT), whichever the English list wrote.
    [InlineData("中国航天科技集团有限公司", "China Aerospace Science and Technology Corporation")]
    [InlineData("中国电子科技集团有限公司", "China Electronics Technology Group Corporation")]
    [InlineData("中国航天科技集团第九研究院第七七一研究所", "China Aerospace Science and Technology Corporation 9th Academy 771 Research Institute")]
    public void Reads_a_group_in_Han_as_the_corporation_or_group_the_list_names(string han, string listed) =>
        Assert.True(Score(han, listed) >= ScreeningDefaults.Threshold, NameMatcher.Compare(han, listed).Explanation);

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

    [Theory]
    [InlineData("朴槿惠", "Park Geun Hye")]
    [InlineData("朴槿惠", "PARK, Geun-hye")]
    [InlineData("鈴木一郎", "Suzuki Ichiro")]
    [InlineData("鈴木一郎", "Ichiro Suzuki")]
    [InlineData("王志明", "Wang Zhiming")]
    public void Matches_a_Han_name_to_its_Korean_Japanese_or_Mandarin_romanisation(string han, string latin) =>
        Assert.True(Score(han, latin, PartyType.Individual) >= ScreeningDefaults.Threshold, $"{han} vs {latin}: {Score(han, latin, PartyType.Individual)}");

    [Theory]
    [InlineData("王志明", "Wang Zhimin")]
    [InlineData("志明 王", "Zhiming Wan")]
    [InlineData("李明", "Lee Myung")]
    [InlineData("鈴木一郎", "Suzuki Jiro")]
    public void Does_not_read_pinyin_letters_of_Han_as_typos_nor_two_character_Chinese_names_in_Korean(string han, string latin) =>
        Assert.True(Score(han, latin, PartyType.Individual) < ScreeningDefaults.Threshold, $"{han} vs {latin}: {Score(han, latin, PartyType.Individual)}");

    [Fact]
    public void Scores_a_one_letter_typo_above_a_two_letter_difference_by_more_than_the_edit_share() =>
        Assert.True(Score("Daniel Kowalski", "Daniel Kowalsky", PartyType.Individual) - Score("Daniel Kowalski", "Daniel Kowalczyk", PartyType.Individual) > 0.1);

    [Fact]
    public void Weighs_an_omitted_patronymic_less_than_an_omitted_given_name() =>
        Assert.True(Score("Ivan Petrov", "Ivan Sergeyevich Petrov", PartyType.Individual)
                    > Score("Ivan Petrov", "Ivan Sergey Petrov", PartyType.Individual));
}
