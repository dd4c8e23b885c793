namespace Clearance.Screening.Tests;

public sealed class NameNormalizerTests
{
    [Theory]
    [InlineData("Huawei Technologies Co., Ltd.", "huawei technology company limited")]
    [InlineData("HUAWEI TECH CO LTD", "huawei technology company limited")]
    [InlineData("华为技术有限公司", "huawei technology limited company")]
    [InlineData("中国电子科技集团公司", "china electronics technology group company")]
    [InlineData("Huawei Jishu Youxian Gongsi", "huawei technology limited company")]
    [InlineData("Hua Wei Ji Shu You Xian Gong Si", "hua wei technology limited company")]
    [InlineData("曙光信息产业股份有限公司", "shuguang information industry joint stock limited company")]
    [InlineData("GUANGZHOU HAIGE COMM GRP IMP & EXP CO", "guangzhou haige communication group import export company")]
    [InlineData("Ｈｕａｗｅｉ", "huawei")]
    [InlineData("Hua\u200Bwei", "huawei")]
    [InlineData("\u202ENOGUS", "sugon")]
    [InlineData("Beijing \u202ENOGUS\u202C Ltd", "beijing sugon limited")]
    [InlineData("\u202EDTL NOGUS", "sugon limited")]
    [InlineData("Su\u202Dg\u202Aon\u202C\u2066\u2069\u200E\u200F", "sugon")]
    [InlineData("Hua\u00ADwei", "huawei")]
    [InlineData("Hu\u200Da\u2060wei\uFEFF", "huawei")]
    [InlineData("Hu\u0430wei", "huawei")]
    [InlineData("\u041D\u0443\u0430w\u0435i", "hyawei")]
    [InlineData("Raúl Núñez", "raul nunez")]
    [InlineData("𝐇𝐮𝐚𝐰𝐞𝐢", "huawei")]
    [InlineData("Ig0r Sech1n", "igor sechin")]
    [InlineData("Brigade Forty-Four", "brigade 44")]
    [InlineData("Siemens Aktiengesellschaft", "siemens ag")]
    [InlineData("OAO Gazprom", "ojsc gazprom")]
    [InlineData("Open Joint Stock Company Gazprom", "ojsc gazprom")]
    [InlineData("I.B.M.", "ibm")]
    [InlineData("Line\u0001Feed\tTab", "linefeed tab")]
    [InlineData("Владимир Путин", "vladimir putin")]
    public void Normalises_names_to_one_comparable_form(string written, string expected) =>
        Assert.Equal(expected, NameNormalizer.NormalizePrimary(written).Full);

    [Fact]
    public void Reorders_OFAC_individuals_written_surname_first() =>
        Assert.Equal("vladimir vladimirovich putin", NameNormalizer.NormalizePrimary("PUTIN, Vladimir Vladimirovich", PartyType.Individual).Full);

    [Theory]
    [InlineData("Huawei Technologies Co., Ltd.", "huawei", TokenKind.Name)]
    [InlineData("Huawei Technologies Co., Ltd.", "technology", TokenKind.Generic)]
    [InlineData("Huawei Technologies Co., Ltd.", "limited", TokenKind.LegalForm)]
    [InlineData("Bank of China (Hong Kong) Limited", "hongkong", TokenKind.Location)]
    [InlineData("北京华为数字技术有限公司", "beijing", TokenKind.Location)]
    public void Classifies_tokens_by_kind(string written, string token, TokenKind kind) =>
        Assert.Equal(kind, NameNormalizer.NormalizePrimary(written).Tokens.Single(t => t.Text == token).Kind);

    [Fact]
    public void Gives_an_all_look_alike_word_a_Latin_reading_too()
    {
        var readings = NameNormalizer.Normalize("\u0420\u0410\u0421\u0421\u041E");
        Assert.Contains(readings, r => r.Full == "rasso");
        Assert.Contains(readings, r => r.Full == "pacco");
    }

    [Fact]
    public void Refuses_names_longer_than_the_limit() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => NameNormalizer.Normalize(new string('a', NameNormalizer.MaxLength + 1)));
}
