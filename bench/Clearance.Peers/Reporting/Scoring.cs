using System.Globalization;
using System.Text;
using Clearance.Peers.Queries;
using Clearance.Peers.Systems;

namespace Clearance.Peers.Reporting;

/// <summary>Turns candidates and pair scores into quality figures, the same way for every system.</summary>
public static class Scoring
{
    public static Quality Measure(
        IReadOnlyList<AliasQuery> aliases,
        IReadOnlyList<IReadOnlyList<Candidate>> aliasResults,
        IReadOnlyList<IReadOnlyList<Candidate>> negativeResults,
        IReadOnlyList<NamePair> nameBench,
        IReadOnlyList<bool> nameBenchMatches,
        IReadOnlyList<bool> crossScriptMatches,
        Func<Candidate, bool> isHit)
    {
        var found = 0;
        for (var i = 0; i < aliases.Count; i++)
        {
            if (aliasResults[i].Any(c => isHit(c) && IsExpected(c, aliases[i])))
            {
                found++;
            }
        }

        var negativeHits = negativeResults.Count(r => r.Any(isHit));
        int tp = 0, fp = 0, fn = 0;
        for (var i = 0; i < nameBench.Count; i++)
        {
            switch (nameBench[i].IsMatch, nameBenchMatches[i])
            {
                case (true, true):
                    tp++;
                    break;
                case (false, true):
                    fp++;
                    break;
                case (true, false):
                    fn++;
                    break;
                case (false, false):
                    break;
            }
        }

        return new Quality(
            found,
            aliases.Count,
            negativeHits,
            negativeResults.Count,
            tp,
            fp,
            fn,
            crossScriptMatches.Count(m => m),
            crossScriptMatches.Count);
    }

    /// <summary>Up to <paramref name="limit"/> alias positives the system did not find, with what it returned first.</summary>
    public static IReadOnlyList<string> MissedAliases(
        IReadOnlyList<AliasQuery> aliases, IReadOnlyList<IReadOnlyList<Candidate>> results, Func<Candidate, bool> isHit, int limit) =>
        [.. aliases
            .Select((a, i) => (Alias: a, Result: results[i]))
            .Where(x => !x.Result.Any(c => isHit(c) && IsExpected(c, x.Alias)))
            .Take(limit)
            .Select(x => string.Create(
                CultureInfo.InvariantCulture,
                $"`{x.Alias.Query}` → expected `{x.Alias.ExpectedName}`; first candidate: {(x.Result.Count == 0 ? "none" : $"`{x.Result[0].MatchedName}` of `{x.Result[0].EntryName}` {x.Result[0].Score:F3}")}"))];

    /// <summary>Up to <paramref name="limit"/> negatives that hit, with the best hit.</summary>
    public static IReadOnlyList<string> FalsePositives(
        IReadOnlyList<string> names, IReadOnlyList<IReadOnlyList<Candidate>> results, Func<Candidate, bool> isHit, int limit) =>
        [.. names
            .Select((n, i) => (Name: n, Hit: results[i].Where(isHit).OrderByDescending(c => c.Score).FirstOrDefault()))
            .Where(x => x.Hit is not null)
            .Take(limit)
            .Select(x => string.Create(CultureInfo.InvariantCulture, $"`{x.Name}` → `{x.Hit!.MatchedName}` ({x.Hit.Score:F3})"))];

    public static bool IsExpected(Candidate candidate, AliasQuery query) =>
        string.Equals(candidate.EntryId, query.ExpectedId, StringComparison.Ordinal) ||
        string.Equals(Fold(candidate.EntryName), Fold(query.ExpectedName), StringComparison.Ordinal);

    public static double Percentile(IEnumerable<double> values, double percentile)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    private static string Fold(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var part in name.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            builder.Append(part.ToUpperInvariant());
        }

        return builder.ToString();
    }
}
