using Clearance.Lists;
using Clearance.Screening;

namespace Clearance.Tests;

/// <summary>The shipped snapshots and the quality figures measured against them (Data/README.md).</summary>
public sealed class DefaultListsTests
{
    static readonly string ListsDirectory = Path.Combine(AppContext.BaseDirectory, "data", "lists");

    static readonly Lazy<ListSet> Defaults = new(() => ListSet.Load(
        new ListStore(Path.Combine(Path.GetTempPath(), "clearance-no-downloads"), ListsDirectory).ShippedPaths, Shipped.Data.Countries));

    /// <summary>The CSL of 2022-05 and the OFAC SDN of 2024-05-03, the defaults until 2026-12 (the alias pairs name the CSL's ids).</summary>
    static readonly Lazy<ListSet> Csl2022 = new(() => ListSet.Load(
        [ShippedLists.PathOf(ShippedLists.Csl2022, ListsDirectory), Path.Combine(ListsDirectory, "us_ofac_sdn_2024-05-03")], Shipped.Data.Countries));

    [Fact]
    public void Loads_the_2022_CSL_and_the_2024_SDN_without_problems_and_deduplicates_the_SDN()
    {
        var set = Csl2022.Value;
        Assert.Equal(14_160, set.Lists[0].Entries.Count);
        Assert.Empty(set.Problems);
        var csl = set.Lists[0].Entries.Count(e => e.List == OfacLegacyReader.SdnList);
        var sdn2024 = set.Lists[1].Entries.Select(e => e.Id).ToHashSet();
        var cslSdnIds = set.Lists[0].Entries.Where(e => e.List == OfacLegacyReader.SdnList).Select(e => e.Id).ToHashSet();
        Assert.Equal(set.Lists[0].Entries.Count + sdn2024.Count(id => !cslSdnIds.Contains(id)), set.Index.Entries.Count);
        Assert.True(csl > 9000);
        Assert.All(set.Index.Entries, e => Assert.Contains("sha256:", e.ListVersion, StringComparison.Ordinal));
    }

    [Fact]
    public void Finds_every_CSL_2022_Chinese_alias_when_the_alias_is_the_query()
    {
        var index = Csl2022.Value.Index;
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Data", "derived_csl2022_cn_hk_alias_pairs.csv")).Skip(1);
        var missed = new List<string>();
        var count = 0;
        foreach (var line in lines)
        {
            var fields = ParseCsvLine(line);
            count++;
            var hits = index.Screen(new ScreeningQuery(fields[3]), top: 10);
            if (!hits.Any(h => h.Entry.Id == fields[1] && h.Score >= ScreeningDefaults.Threshold))
            {
                missed.Add($"{fields[1]}: {fields[3]}");
            }
        }

        Assert.Equal(1_153, count);
        Assert.True(missed.Count == 0, "missed: " + string.Join("; ", missed.Take(20)));
    }

    [Fact]
    public void Keeps_false_positives_on_the_50000_synthetic_negatives_at_or_below_half_a_percent()
    {
        var index = Defaults.Value.Index;
        var names = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Data", "negatives_global_names.csv")).Skip(1)
            .Select(l => ParseCsvLine(l)[0]).ToArray();
        var hits = 0;
        Parallel.ForEach(names, name =>
        {
            var best = index.Screen(new ScreeningQuery(name, Type: PartyType.Individual)).FirstOrDefault();
            if (best is not null && best.Score >= ScreeningDefaults.Threshold)
            {
                Interlocked.Increment(ref hits);
            }
        });
        Assert.Equal(50_000, names.Length);
        // Measured 146 (0.29%) at the default threshold 0.80 against the 2026-07 default lists, Han names read by meaning (154, 0.31%, against the
        // CSL of 2022-05 and the SDN of 2024-05-03; tools/screening-eval); the bound is 250 (0.5%). It was 144 before the candidate cut
        // kept the shorter of equally counted names: the two more are names the same as a listed person's ("Mohammad Soltani" in Persian).
        Assert.True(hits <= 146, $"{hits} hits of 50,000 ({hits / 500.0:F2}%)");
    }

    [Fact]
    public void Embeds_the_token_rarity_table_that_the_shipped_lists_give()
    {
        // tools/screening-rarity/generate.cs writes the embedded table; this fails when the lists or the normaliser
        // changed without regenerating it.
        var counted = TokenRarity.Common(Defaults.Value.Index.Rarity);
        Assert.Equal(counted.Entries, TokenRarity.Shipped.Entries);
        Assert.Equal(counted.Counts.OrderBy(c => c.Key, StringComparer.Ordinal), TokenRarity.Shipped.Counts.OrderBy(c => c.Key, StringComparer.Ordinal));
    }

    static string[] ParseCsvLine(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return [.. fields];
    }
}
