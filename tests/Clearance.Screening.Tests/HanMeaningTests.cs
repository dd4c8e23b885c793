namespace Clearance.Screening.Tests;

public sealed class HanMeaningTests
{
    [Theory]
    [InlineData("中国电子科技集团公司第十四研究所", "14th")]
    [InlineData("中国电子科技集团公司第三十八研究所", "38th")]
    [InlineData("中国船舶集团有限公司第七〇一研究所", "701st")]
    [InlineData("中国船舶集团有限公司第七一一研究所", "711th")]
    [InlineData("第七百零二研究所", "702nd")]
    [InlineData("第十二研究所", "12th")]
    [InlineData("中国航天科工集团第二研究院", "2nd")]
    [InlineData("第九研究院七七一所", "771st")]
    [InlineData("第一百一十三厂", "113th")]
    public void Writes_an_ordinal_as_English_digits(string han, string ordinal) =>
        Assert.Contains(HanMeaning.Readings(han), r => r.Split(' ').Contains(ordinal));

    [Theory]
    [InlineData("寒武纪", "cambricon")]
    [InlineData("曙光", "sugon")]
    [InlineData("中兴", "zte")]
    [InlineData("浪潮集团有限公司", "inspur")]
    [InlineData("北京邮电大学", "posts and telecommunications")]
    [InlineData("国防科技大学", "national defense")]
    [InlineData("長江存儲", "yangtze")]
    // Traditional writings built character by character take every form of each character: 视 is 視 (or the variant 眎).
    [InlineData("杭州海康威視數字技術股份有限公司", "hikvision")]
    [InlineData("曠視科技有限公司", "megvii")]
    [InlineData("同方威視技術股份有限公司", "nuctech")]
    [InlineData("重點實驗室", "key laboratory")]
    // Short names institutions use for themselves (tools/screening-han/short-names.tsv).
    [InlineData("哈工大", "harbin institute of technology")]
    [InlineData("國防科大", "national university of defense technology")]
    [InlineData("中物院第九研究所", "china academy of engineering physics 9th")]
    public void Reads_brands_and_institutional_words_in_simplified_and_traditional_characters_by_meaning(string han, string english) =>
        Assert.Contains(HanMeaning.Readings(han), r => r.Contains(english, StringComparison.OrdinalIgnoreCase));

    [Fact]
    public void Reads_one_word_at_another_alternative_while_the_others_keep_their_first()
    {
        // 航天 is "astronautics" first, "aerospace" second; 院 "academy" first, "institute" second. In step the readings
        // pair astronautics with academy and aerospace with institute; the list writes "Aerospace … Second Academy".
        var readings = HanMeaning.Readings("航天科工二院");
        Assert.Contains(readings, r => r.Contains("aerospace", StringComparison.Ordinal) && r.Contains("academy", StringComparison.Ordinal));
        Assert.Equal(readings.Count, readings.Distinct().Count());
    }

    [Theory]
    [InlineData("航天科工二院", "China Aerospace Science and Industry Corporation Second Academy")]
    [InlineData("中国船舶集团第七研究院", "China Shipbuilding Industry Group Co., Ltd. 7th Research Academy")]
    // The lists leave out the PLA before the names of its universities and academies.
    [InlineData("中国人民解放军国防科技大学", "National University of Defense Technology")]
    [InlineData("中國人民解放軍軍事醫學科學院", "Academy of Military Medical Sciences")]
    public void Matches_a_name_whose_words_take_different_alternatives(string han, string english) =>
        Assert.True(NameMatcher.Score(han, english) >= ScreeningDefaults.Threshold, NameMatcher.Compare(han, english).Explanation);

    [Fact]
    public void Reads_a_word_the_lists_may_leave_out_both_with_and_without_it_but_never_as_nothing()
    {
        var readings = HanMeaning.Readings("中国人民解放军国防科技大学");
        Assert.Contains(readings, r => r.StartsWith("people's liberation army", StringComparison.Ordinal));
        Assert.Contains(readings, r => !r.Contains("liberation", StringComparison.Ordinal) && r.Contains("defense", StringComparison.Ordinal));
        Assert.Equal(["people's liberation army"], HanMeaning.Readings("解放军"));
    }

    [Fact]
    public void Splits_into_the_fewest_known_words_rather_than_the_longest_first() =>
        Assert.All(HanMeaning.Readings("上海光学精密机械研究所"), r =>
        {
            Assert.DoesNotContain("Hygon", r, StringComparison.Ordinal);
            Assert.StartsWith("shanghai optics", r, StringComparison.Ordinal);
        });

    [Theory]
    [InlineData("王志明")]
    [InlineData("Huawei Technologies")]
    [InlineData("")]
    public void Reads_nothing_when_no_word_is_known(string name) => Assert.Empty(HanMeaning.Readings(name));

    [Theory]
    [InlineData("国防科技大学", "National University of Defense Technology")]
    [InlineData("北京邮电大学", "Beijing University of Posts and Telecommunications")]
    [InlineData("哈尔滨工业大学", "Harbin Institute of Technology")]
    [InlineData("西北工业大学", "Northwestern Polytechnical University")]
    [InlineData("中国科学院计算技术研究所", "Chinese Academy of Sciences Institute of Computing Technology")]
    [InlineData("中国电子科技集团公司第十四研究所", "China Electronics Technology Group Corporation 14th Research Institute")]
    [InlineData("中科寒武纪科技股份有限公司", "Cambricon Technologies Corporation Limited")]
    [InlineData("浪潮电子信息产业股份有限公司", "Inspur Electronic Information Industry Co., Ltd.")]
    [InlineData("中核集团", "China National Nuclear Corporation")]
    [InlineData("西工大", "Northwestern Polytechnical University")]
    // English names without their parenthetical acronyms: the index screens a listed name with and without them.
    public void Matches_a_Han_organisation_name_to_its_English_list_name(string han, string english) =>
        Assert.True(NameMatcher.Score(han, english) >= ScreeningDefaults.Threshold, NameMatcher.Compare(han, english).Explanation);

    [Theory]
    [InlineData("中国电子科技集团公司第十四研究所", "China Electronics Technology Group Corporation 13th Research Institute")]
    [InlineData("北京理工大学", "Nanjing University of Science and Technology")]
    [InlineData("哈尔滨工业大学", "Harbin Engineering University")]
    [InlineData("寒武纪", "Sugon")]
    public void Does_not_match_a_Han_organisation_name_to_a_neighbour_of_its_English_name(string han, string english) =>
        Assert.True(NameMatcher.Score(han, english) < ScreeningDefaults.Threshold, NameMatcher.Compare(han, english).Explanation);

    [Fact]
    public void Reads_a_person_named_in_Han_by_sound_only() =>
        Assert.DoesNotContain(NameNormalizer.Normalize("王国明", PartyType.Individual), r => r.Derivation.Length > 0);

    [Fact]
    public void Says_in_the_explanation_that_the_name_was_read_by_meaning() =>
        Assert.Contains("read by meaning as", NameMatcher.Compare("国防科技大学", "National University of Defense Technology").Explanation, StringComparison.Ordinal);
}
