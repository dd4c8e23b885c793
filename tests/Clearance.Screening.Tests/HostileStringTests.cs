namespace Clearance.Screening.Tests;

public sealed class HostileStringTests
{
    static readonly ScreeningIndex Index = ScreeningIndex.Build(
    [
        new ListEntry
        {
            Id = "EL-1", Name = "Huawei Technologies Co., Ltd.", Aliases = ["Huawei"], Countries = ["CN"],
            List = "Entity List (EL) - Bureau of Industry and Security", ListVersion = "test",
        },
        new ListEntry
        {
            Id = "SDN-1", Name = "PUTIN, Vladimir Vladimirovich", Type = PartyType.Individual, Countries = ["RU"],
            List = "Specially Designated Nationals (SDN) - Treasury Department", ListVersion = "test",
        },
        new ListEntry { Id = "X-1", Name = "Acme Trading", List = "custom", ListVersion = "test" },
    ]);

    [Theory]
    [InlineData("Huawei Technologies Co., Ltd.")]
    [InlineData("Hu\u200Bawei Tech\u200Cnologies Co., Ltd.")]
    [InlineData("Hua\u00ADwei Techno\u00ADlogies")]
    [InlineData("\u202EHuawei\u202C Technologies")]
    [InlineData("Hu\u0430w\u0435i Technologies")]
    [InlineData("ＨＵＡＷＥＩ ＴＥＣＨＮＯＬＯＧＩＥＳ")]
    [InlineData("H\u0301u\u0308awei Technologies")]
    [InlineData("HUAWEI\tTECHNO\u0007LOGIES CO\u0000 LTD")]
    [InlineData("华为技术有限公司")]
    [InlineData("华为 Technologies")]
    [InlineData("Hua Wei Technologies")]
    [InlineData("𝐇𝐮𝐚𝐰𝐞𝐢 Technologies")]
    [InlineData("Vladimir Putin")]
    [InlineData("Владимир Путин")]
    [InlineData("Vlad\u0456m\u0456r Put\u0456n")]
    public void Still_finds_the_listed_party(string query)
    {
        var best = Index.Screen(new ScreeningQuery(query)).FirstOrDefault();
        Assert.NotNull(best);
        Assert.True(best.Score >= ScreeningDefaults.Threshold, $"{query}: {best.Score} {best.Explanation}");
    }

    [Theory]
    [InlineData("\u200B\u200C\u200D")]
    [InlineData("!!!")]
    [InlineData("\u0000\u0001")]
    public void Finds_nothing_for_names_without_letters(string query) => Assert.Empty(Index.Screen(new ScreeningQuery(query)));

    [Fact]
    public void Never_lowers_an_exact_name_hit_for_a_different_country()
    {
        var best = Index.Screen(new ScreeningQuery("Huawei Technologies Co., Ltd.", Country: "DE")).Single();
        Assert.Equal(1.0, best.Score);
        Assert.Contains("not lowered", best.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Raises_a_near_match_in_the_listed_country_and_lowers_it_elsewhere()
    {
        var home = Index.Screen(new ScreeningQuery("Huawei Technology Shenzhen", Country: "CN")).Single().Score;
        var none = Index.Screen(new ScreeningQuery("Huawei Technology Shenzhen")).Single().Score;
        var away = Index.Screen(new ScreeningQuery("Huawei Technology Shenzhen", Country: "DE")).Single().Score;
        Assert.True(home > none && none > away, $"{home} {none} {away}");
    }

    [Fact]
    public void Names_the_alias_that_matched()
    {
        var best = Index.Screen(new ScreeningQuery("Huawei")).First();
        Assert.Equal("Huawei", best.MatchedName);
        Assert.StartsWith("alias 'Huawei'", best.Explanation, StringComparison.Ordinal);
    }
}
