using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Clearance.Peers.Queries;

/// <summary>The query sets of bench/data (see bench/data/README.md for their provenance).</summary>
public sealed record QuerySets(
    IReadOnlyList<AliasQuery> Aliases,
    IReadOnlyList<NegativeQuery> Negatives,
    IReadOnlyList<NamePair> NameBench,
    IReadOnlyList<NamePair> CrossScript)
{
    public static QuerySets Load(string dataDirectory, int? negativesLimit)
    {
        var aliases = new List<AliasQuery>();
        foreach (var row in ReadWithHeader(Path.Combine(dataDirectory, "derived_csl2022_cn_hk_alias_pairs.csv")))
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"pos-{aliases.Count + 1:D5}");
            aliases.Add(new AliasQuery(id, row["alt_name"], row["csl_id"], row["name"]));
        }

        var negatives = new List<NegativeQuery>();
        foreach (var row in ReadWithHeader(Path.Combine(dataDirectory, "negatives_global.csv")))
        {
            if (negativesLimit is { } limit && negatives.Count >= limit)
            {
                break;
            }

            var id = string.Create(CultureInfo.InvariantCulture, $"neg-{negatives.Count + 1:D6}");
            negatives.Add(new NegativeQuery(id, row["full_name"]));
        }

        var nameBench = ReadWithHeader(Path.Combine(dataDirectory, "name_bench_cases.csv"))
            .Select(r => new NamePair(r["name1"], r["name2"], r["schema"], bool.Parse(r["is_match"])))
            .ToList();

        var crossScript = new List<NamePair>();
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = false,
            AllowComments = true,
            Comment = '#',
            IgnoreBlankLines = true,
        };
        using (var reader = new StreamReader(Path.Combine(dataDirectory, "cross_script_pairs.csv")))
        using (var csv = new CsvReader(reader, config))
        {
            while (csv.Read())
            {
                crossScript.Add(new NamePair(csv.GetField(0)!, csv.GetField(1)!, null, IsMatch: true));
            }
        }

        return new QuerySets(aliases, negatives, nameBench, crossScript);
    }

    private static IEnumerable<Dictionary<string, string>> ReadWithHeader(string path)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var header = csv.HeaderRecord!;
        while (csv.Read())
        {
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var column in header)
            {
                row[column] = csv.GetField(column) ?? string.Empty;
            }

            yield return row;
        }
    }
}
