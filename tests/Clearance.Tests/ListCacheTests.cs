using Clearance.Lists;
using Clearance.Orders;
using Clearance.Screening;

namespace Clearance.Tests;

/// <summary>The binary snapshot of indexed lists: same results as a fresh build, never trusted when stale or damaged.</summary>
public sealed class ListCacheTests
{
    const string Custom = "id,name,aliases,country,list\n"
        + "c1,\"Huawei Technologies Co., Ltd.\",Huawei;华为技术有限公司,CN,Own list\n"
        + "c2,Semiconductor Manufacturing International Corporation,SMIC,CN,Own list\n"
        + "c3,\"ZHANG, Lei\",,HK,Own list\n"
        + "c4,,,CN,Own list\n";

    static readonly string[] Queries =
    [
        "Huawei Technologies", "华为技术有限公司", "HUAWEl TECHNOLOGIES CO LTD", "SMIC", "Semiconductor Manufacturing Intl Corp",
        "Lei Zhang", "张雷", "Patricia Lucas Wheeler", "Zhongguo Dianzi Keji Jituan",
    ];

    static CountryCodes Countries => Tests.Shipped.Data.Countries;

    static string Shipped(string name) => Path.Combine(AppContext.BaseDirectory, "data", "lists", name);

    [Fact]
    public void Screens_the_shipped_lists_from_the_cache_exactly_like_a_fresh_build()
    {
        using var temp = new TempFolder();
        string[] paths = [Shipped(Path.Combine("us_csl_2022-05", "consolidated.csv")), Shipped("us_ofac_sdn_2024-05-03")];
        var fresh = ListSet.Load(paths, Countries);
        var log = new StringWriter();
        var first = ListSet.Load(paths, Countries, temp.Path, log);
        var cached = ListSet.Load(paths, Countries, temp.Path, log);
        Assert.Equal("", log.ToString());
        Assert.Null(first.CacheFile);
        Assert.NotNull(cached.CacheFile);
        Assert.Equal(Snapshot(fresh.Index), Snapshot(cached.Index));
        Assert.Equal(fresh.Lists.Select(Describe), cached.Lists.Select(Describe));
        var queries = Queries.Concat(fresh.Index.Entries.Where((_, i) => i % 97 == 0).SelectMany(e => e.Aliases.Prepend(e.Name))).ToList();
        foreach (var query in queries)
        {
            foreach (var type in (PartyType[])[PartyType.Unknown, PartyType.Individual])
            {
                var q = new ScreeningQuery(query, "CN", "Shenzhen", type);
                Assert.Equal(Results(fresh.Index.Screen(q, top: 3)), Results(cached.Index.Screen(q, top: 3)));
            }
        }
    }

    [Fact]
    public void Builds_the_index_the_same_on_every_run()
    {
        using var temp = new TempFolder();
        var path = temp.Write("own.csv", Custom);
        Assert.Equal(Snapshot(ListSet.Load([path], Countries).Index), Snapshot(ListSet.Load([path], Countries).Index));
    }

    [Fact]
    public void Reads_a_written_cache_back_with_the_rows_that_could_not_be_used()
    {
        using var temp = new TempFolder();
        var path = temp.Write("own.csv", Custom);
        var cacheDirectory = System.IO.Path.Combine(temp.Path, "cache");
        var log = new StringWriter();
        var fresh = ListSet.Load([path], Countries, cacheDirectory, log);
        var cached = ListSet.Load([path], Countries, cacheDirectory, log);
        Assert.Equal(ListCache.FileFor([path], Countries, cacheDirectory), cached.CacheFile);
        Assert.Equal("", log.ToString());
        Assert.Single(cached.Problems);
        Assert.Equal(fresh.Problems, cached.Problems);
        Assert.Equal(fresh.Lists.Select(Describe), cached.Lists.Select(Describe));
        Assert.Equal(Snapshot(fresh.Index), Snapshot(cached.Index));
    }

    [Theory]
    [InlineData("flip a payload byte", "content does not match its hash")]
    [InlineData("truncate", "truncated")]
    [InlineData("garbage", "not a list cache file")]
    public void Rebuilds_a_damaged_cache_and_says_so(string damage, string reason)
    {
        using var temp = new TempFolder();
        var path = temp.Write("own.csv", Custom);
        var cacheDirectory = System.IO.Path.Combine(temp.Path, "cache");
        var expected = Snapshot(ListSet.Load([path], Countries, cacheDirectory, TextWriter.Null).Index);
        var file = ListCache.FileFor([path], Countries, cacheDirectory)!;
        var bytes = File.ReadAllBytes(file);
        File.WriteAllBytes(file, damage switch
        {
            "flip a payload byte" => [.. bytes[..^10], (byte)(bytes[^10] ^ 0x55), .. bytes[^9..]],
            "truncate" => bytes[..(bytes.Length / 2)],
            _ => "not a cache"u8.ToArray(),
        });
        var log = new StringWriter();
        var rebuilt = ListSet.Load([path], Countries, cacheDirectory, log);
        Assert.Null(rebuilt.CacheFile);
        Assert.Contains(file + ": list cache not usable (", log.ToString(), StringComparison.Ordinal);
        Assert.Contains(reason, log.ToString(), StringComparison.Ordinal);
        Assert.Equal(expected, Snapshot(rebuilt.Index));
        var again = ListSet.Load([path], Countries, cacheDirectory, log);
        Assert.Equal(file, again.CacheFile);
        Assert.Equal(expected, Snapshot(again.Index));
    }

    [Fact]
    public void Never_reads_the_cache_of_other_list_content_and_drops_it()
    {
        using var temp = new TempFolder();
        var path = temp.Write("own.csv", Custom);
        var cacheDirectory = System.IO.Path.Combine(temp.Path, "cache");
        ListSet.Load([path], Countries, cacheDirectory, TextWriter.Null);
        var old = ListCache.FileFor([path], Countries, cacheDirectory)!;
        temp.Write("own.csv", Custom + "c5,Totally New Trading LLC,,AE,Own list\n");
        var log = new StringWriter();
        var changed = ListSet.Load([path], Countries, cacheDirectory, log);
        Assert.Null(changed.CacheFile);
        Assert.Equal("", log.ToString());
        Assert.Contains(changed.Index.Entries, e => e.Name == "Totally New Trading LLC");
        Assert.NotEqual(old, ListCache.FileFor([path], Countries, cacheDirectory));
        Assert.False(File.Exists(old));
        Assert.Equal(changed.Index.Entries.Count, ListSet.Load([path], Countries, cacheDirectory, log).Index.Entries.Count);
    }

    [Fact]
    public void Reports_a_missing_list_as_loading_does()
    {
        using var temp = new TempFolder();
        var missing = System.IO.Path.Combine(temp.Path, "nope.csv");
        var e = Assert.Throws<ListFormatException>(() => ListSet.Load([missing], Countries, temp.Path, TextWriter.Null));
        Assert.Equal($"{missing}: no such list file or folder", e.Message);
    }

    [Fact]
    public void Loads_the_cache_with_a_message_when_it_cannot_be_written()
    {
        using var temp = new TempFolder();
        var path = temp.Write("own.csv", Custom);
        var blocked = temp.Write("cache", "a file where the cache folder should be");
        var log = new StringWriter();
        var set = ListSet.Load([path], Countries, blocked, log);
        Assert.Equal(3, set.Index.Entries.Count);
        Assert.StartsWith(blocked + ": cannot keep the list cache (", log.ToString(), StringComparison.Ordinal);
    }

    static byte[] Snapshot(ScreeningIndex index)
    {
        var writer = new SnapshotWriter();
        index.Write(writer);
        foreach (var entry in index.Entries)
        {
            writer.Strings([entry.Id, entry.Name, entry.Type.ToString(), entry.List, entry.FederalRegisterNotice, entry.LicenseRequirement,
                entry.LicensePolicy, entry.ListVersion]);
            writer.Strings(entry.Aliases);
            writer.Strings(entry.Countries);
            writer.Strings(entry.Programs);
            writer.Strings([.. entry.Addresses.Select(a => a.ToString())]);
        }

        return writer.ToArray();
    }

    static string Describe(LoadedList list) =>
        $"{list.Path}|{list.Format}|{list.Version}|{list.Sha256}|{list.Entries.Count}|{string.Join(";", list.Problems)}|"
        + string.Join(";", list.Entries.Select(e => e.Id));

    static string Results(IReadOnlyList<ScreeningMatch> matches) =>
        string.Join("\n", matches.Select(m => $"{m.Entry.Id}|{m.Score:R}|{m.MatchedName}|{m.Explanation}"));
}
