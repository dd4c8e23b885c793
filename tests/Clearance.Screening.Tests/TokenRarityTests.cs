namespace Clearance.Screening.Tests;

/// <summary>Token rarity and the scoring rules of bench/README.md, "Screening: token rarity": each with a pair it must
/// match and a near pair it must not.</summary>
public sealed class TokenRarityTests
{
    static TokenRarity Table(params (string Token, int Count)[] counts) =>
        new(counts.ToDictionary(c => c.Token, c => c.Count, StringComparer.Ordinal), 20_000);

    static double Person(string a, string b, TokenRarity rarity) => NameMatcher.Score(a, b, PartyType.Individual, rarity);

    [Fact]
    public void Matches_a_partial_name_whose_matched_words_only_one_listed_party_carries()
    {
        var rare = Table(("zorvan", 1), ("kettleby", 1), ("ashdale", 1), ("morrow", 1));
        var score = Person("Zorvan Kettleby", "Zorvan Ashdale Morrow Kettleby", rare);
        Assert.True(score >= ScreeningDefaults.Threshold, $"{score}");
    }

    [Fact]
    public void Does_not_match_the_same_partial_name_when_many_listed_parties_carry_its_words()
    {
        var common = Table(("zorvan", 40), ("kettleby", 40), ("ashdale", 40));
        var score = Person("Zorvan Kettleby", "Zorvan Ashdale Kettleby", common);
        Assert.True(score < ScreeningDefaults.Threshold, $"{score}");
    }

    [Fact]
    public void Does_not_take_a_matched_initial_as_evidence_of_a_specific_name()
    {
        var score = Person("Colin Jones", "Colin J. Devellerez", Table(("colin", 10)));
        Assert.True(score < ScreeningDefaults.Threshold, $"{score}");
        Assert.True(Person("J. Randall Shute", "James Randall Shute", TokenRarity.None) >= ScreeningDefaults.Threshold);
    }

    [Fact]
    public void Discounts_a_near_match_made_only_of_common_words()
    {
        var common = Table(("john", 60), ("juan", 60), ("vasquez", 60));
        Assert.Equal(0.95, Person("John Vasquez", "Juan Vasquez", TokenRarity.None), 3);
        var comparison = NameMatcher.Compare("John Vasquez", "Juan Vasquez", PartyType.Individual, common);
        Assert.InRange(comparison.Score, 0.90, 0.905);
        Assert.Contains("only words many listed parties share", comparison.Explanation, StringComparison.Ordinal);
        Assert.Equal(1.0, Person("Juan Vasquez", "Juan Vasquez", common));
    }

    [Fact]
    public void Counts_a_differing_series_number_once()
    {
        var comparison = NameMatcher.Compare("Snow Storm 1", "Snow Storm 2");
        Assert.True(comparison.Score >= ScreeningDefaults.Threshold, comparison.Explanation);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(comparison.Explanation, "; x[0-9.]+ numbers differ"));
        Assert.DoesNotContain("distinctive word", comparison.Explanation, StringComparison.Ordinal);
        Assert.True(NameMatcher.Score("Snow Storm 1", "Blue Storm 2") < ScreeningDefaults.Threshold);
    }

    [Theory]
    [InlineData("Citigroup Capital Trust XV", "15")]
    [InlineData("KKR North America Fund XIII", "13")]
    [InlineData("Citigroup Capital Trust XX", "20")]
    public void Reads_Roman_numerals_thirteen_to_twenty_as_numbers(string name, string number) =>
        Assert.Equal(number, NameNormalizer.NormalizePrimary(name).Tokens[^1].Text);

    [Fact]
    public void Tells_names_swapped_around_bin_apart()
    {
        var swapped = NameMatcher.Compare("OMAR BIN ABDULLAH AL-MUHAMMAD", "ABDULLAH BIN OMAR AL-MUHAMMAD", PartyType.Individual);
        Assert.True(swapped.Score < ScreeningDefaults.Threshold, swapped.Explanation);
        Assert.Contains("swapped around bin/ibn", swapped.Explanation, StringComparison.Ordinal);
        var reordered = NameMatcher.Score("ABDULLAH BIN OMAR AL-MUHAMMAD", "AL-MUHAMMAD, Abdullah bin Omar", PartyType.Individual);
        Assert.True(reordered >= ScreeningDefaults.Threshold, $"{reordered}");
    }

    [Fact]
    public void Takes_OJSC_and_JSC_for_one_legal_form_but_not_AG_and_GmbH()
    {
        var gazprom = NameMatcher.Compare("OAO Gazprom", "Gasprom JSC");
        Assert.True(gazprom.Score >= ScreeningDefaults.Threshold, gazprom.Explanation);
        Assert.DoesNotContain("legal forms differ", gazprom.Explanation, StringComparison.Ordinal);
        Assert.Contains("legal forms differ", NameMatcher.Compare("Deutsche Bank AG", "Deutsche Bank GmbH").Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_back_the_table_it_writes()
    {
        var table = Table(("li", 28), ("zhang", 18));
        using var text = new StringWriter();
        table.Write(text);
        Assert.Equal("20000\nli 28\nzhang 18\n", text.ToString());
        var read = TokenRarity.Read(new StringReader(text.ToString()));
        Assert.Equal(20_000, read.Entries);
        Assert.Equal(28, read.Count("li"));
        Assert.Equal(0, read.Count("wang"));
    }

    [Fact]
    public void Rejects_a_malformed_table_line_with_its_number()
    {
        var error = Assert.Throws<InvalidDataException>(() => TokenRarity.Read(new StringReader("10\nli 2\nzhang x\n")));
        Assert.Contains("line 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ships_a_table_counted_over_the_shipped_lists()
    {
        Assert.True(TokenRarity.Shipped.Entries > 19_000);
        Assert.True(TokenRarity.Shipped.Count("mohammad") > 100);
        Assert.All(TokenRarity.Shipped.Counts.Values, c => Assert.True(c >= 2));
    }
}
