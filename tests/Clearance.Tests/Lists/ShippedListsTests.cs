using Clearance.Alerts;
using Clearance.Lists;
using Clearance.Screening;

namespace Clearance.Tests.Lists;

/// <summary>The default lists: the newest copy of every list, each with its own date.</summary>
public sealed class ShippedListsTests
{
    static readonly string ListsDirectory = Path.Combine(AppContext.BaseDirectory, "data", "lists");

    static readonly Lazy<ListSet> Defaults = new(() => ListSet.Load(
        new ListStore(Path.Combine(Path.GetTempPath(), "clearance-no-downloads"), ListsDirectory).ShippedPaths, Shipped.Data.Countries));

    [Theory]
    [InlineData("Shanghai Biren Intelligent Technology Co., Ltd.", "CN", "88 FR 71992")]
    [InlineData("Biren Technology", "CN", "88 FR 71992")]
    [InlineData("Beijing Zhipu Huazhang Technology Co., Ltd.", "CN", "90 FR 4619")]
    [InlineData("Zhipu AI", "CN", "90 FR 4619")]
    [InlineData("Sophgo Technologies Ltd.", "CN", "90 FR 4622")]
    public void Entities_added_to_the_Entity_List_since_2022_hit_with_their_license_requirement_and_citation(string name, string country, string citation)
    {
        var best = Defaults.Value.Index.Screen(new ScreeningQuery(name, country)).First();

        Assert.True(best.Score >= ScreeningDefaults.Threshold, $"{name}: {best.Score} {best.MatchedName}");
        Assert.Equal("Entity List (EL) - Bureau of Industry and Security", best.Entry.List);
        Assert.StartsWith(citation, best.Entry.FederalRegisterNotice, StringComparison.Ordinal);
        Assert.StartsWith("For all items subject to the EAR", best.Entry.LicenseRequirement, StringComparison.Ordinal);
        Assert.Equal("", best.Entry.LicensePolicy);
        Assert.Contains("us_lists_2026-07/bis_entity_list.json sha256:", best.Entry.ListVersion, StringComparison.Ordinal);
    }

    [Fact]
    public void Takes_every_list_from_its_newest_snapshot_and_only_the_missing_ones_from_the_2022_CSL()
    {
        var set = Defaults.Value;
        var byList = set.Lists.ToDictionary(l => Path.GetFileName(l.Path), l => l.Entries.Select(e => e.List).Distinct().ToList());
        var from2022 = byList["consolidated-uvl-ssi-fse-plc-cap-nsmbs.csv"];

        Assert.Equal(
            ["Capta List (CAP) - Treasury Department", "Foreign Sanctions Evaders (FSE) - Treasury Department",
             "Non-SDN Menu-Based Sanctions List (NS-MBS List) - Treasury Department", "Palestinian Legislative Council List (PLC) - Treasury Department",
             "Sectoral Sanctions Identifications List (SSI) - Treasury Department", "Unverified List (UVL) - Bureau of Industry and Security"],
            from2022.Order(StringComparer.Ordinal));
        Assert.Empty(from2022.Intersect(byList.Where(l => l.Key != "consolidated-uvl-ssi-fse-plc-cap-nsmbs.csv").SelectMany(l => l.Value)));
        Assert.Equal(3_390, set.Lists.Single(l => l.Path.EndsWith("bis_entity_list.json", StringComparison.Ordinal)).Entries.Count);
        Assert.Equal(19_143, set.Lists.Single(l => l.Path.EndsWith("ofac_sdn.json", StringComparison.Ordinal)).Entries.Count);
    }

    [Fact]
    public void Reports_the_19_stray_address_lines_of_the_Entity_List_and_nothing_else()
    {
        var problems = Defaults.Value.Problems.ToList();

        Assert.Equal(19, problems.Count);
        Assert.All(problems, p => Assert.EndsWith("bis_entity_list.json", p.File, StringComparison.Ordinal));
        Assert.All(problems, p => Assert.Contains("stray address sub-line", p.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void The_2022_remainder_holds_exactly_the_rows_of_those_lists_in_the_full_2022_CSL()
    {
        var full = ListLoader.Load(ShippedLists.PathOf(ShippedLists.Csl2022, ListsDirectory), Shipped.Data.Countries);
        var remainder = ListLoader.Load(Path.Combine(ListsDirectory, "us_csl_2022-05", "consolidated-uvl-ssi-fse-plc-cap-nsmbs.csv"), Shipped.Data.Countries);
        var lists = remainder.Entries.Select(e => e.List).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(
            full.Entries.Where(e => lists.Contains(e.List)).Select(EntryFingerprint.Of),
            remainder.Entries.Select(EntryFingerprint.Of));
        Assert.Equal(642, remainder.Entries.Count);
    }

    [Fact]
    public void Every_default_list_has_its_own_date_and_the_store_reports_it()
    {
        var store = new ListStore(Path.Combine(Path.GetTempPath(), "clearance-no-downloads"), ListsDirectory);
        var dates = store.Dates(Defaults.Value);

        Assert.Equal(ShippedLists.Default.Select(l => (DateOnly?)l.AsOf), dates.Select(d => d.AsOf));
        Assert.Equal(new DateOnly(2026, 7, 9), dates.Single(d => d.Version.Contains("bis_entity_list.json", StringComparison.Ordinal)).AsOf);
        Assert.Equal(new DateOnly(2022, 5, 6), dates.Single(d => d.Version.Contains("consolidated-uvl", StringComparison.Ordinal)).AsOf);
        Assert.Null(store.AsOf(Path.Combine(Path.GetTempPath(), "elsewhere.csv")));
    }
}
