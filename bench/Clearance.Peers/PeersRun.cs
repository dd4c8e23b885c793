using System.Diagnostics;
using System.Globalization;
using Clearance.Peers.Lists;
using Clearance.Peers.Queries;
using Clearance.Peers.Reporting;
using Clearance.Peers.Systems;
using Clearance.Screening;

namespace Clearance.Peers;

/// <summary>Runs Clearance, PostgreSQL pg_trgm and Lucene.Net on the same lists and queries and writes one report.</summary>
public static class PeersRun
{
    /// <summary>The false-positive budget of issue 3 (at most 0.5% of the synthetic negatives), used to pick each peer's threshold.</summary>
    private const double FalsePositiveBudget = 0.005;

    private const int ExampleLimit = 10;

    public static async Task<int> RunAsync(PeersOptions options, CancellationToken cancellationToken)
    {
        var lists = ClearanceLists.LoadShipped(options.Repository);
        var names = lists.Names;
        var listSource = lists.Source;
        Progress($"{names.Count} list names: {listSource}");
        var sets = QuerySets.Load(Path.Combine(options.Repository, "bench", "data"), options.NegativesLimit);
        Progress($"{sets.Aliases.Count} alias positives, {sets.Negatives.Count} negatives, {sets.NameBench.Count} name_bench pairs, {sets.CrossScript.Count} cross-script pairs");

        var screening = sets.Aliases.Select(a => (a.Id, Name: a.Query)).Concat(sets.Negatives.Select(n => (n.Id, n.Name))).ToList();
        var queries = screening.Select(s => s.Name).ToList();
        var latencySample = Enumerable.Range(0, queries.Count).Where(i => i % options.LatencyEvery == 0).ToList();

        var results = new List<SystemResult>();
        await using (IPeer postgres = new PgTrgmPeer(options.Postgres))
        {
            results.Add(await RunPeerAsync(postgres, names, sets, queries, latencySample, options, cancellationToken));
        }

        await using (IPeer lucene = new LucenePeer())
        {
            results.Add(await RunPeerAsync(lucene, names, sets, queries, latencySample, options, cancellationToken));
        }

        SystemResult? clearance = null;
        string? clearanceError = null;
        try
        {
            clearance = await RunClearanceAsync(lists, sets, screening, latencySample, options, cancellationToken);
        }
        catch (InvalidOperationException e)
        {
            clearanceError = e.Message;
            Progress($"Clearance: could not run: {e.Message}");
        }

        var report = ReportWriter.Write(clearance, clearanceError, results, options, names.Count, listSource, sets, queries.Count);
        await File.WriteAllTextAsync(options.Output, report, cancellationToken);
        Console.Out.Write(report);
        return 0;
    }

    private static async Task<SystemResult> RunPeerAsync(
        IPeer peer,
        IReadOnlyList<ListName> names,
        QuerySets sets,
        IReadOnlyList<string> queries,
        IReadOnlyList<int> latencySample,
        PeersOptions options,
        CancellationToken cancellationToken)
    {
        Progress($"{peer.Name}: building");
        var clock = Stopwatch.StartNew();
        await peer.BuildAsync(names, cancellationToken);
        var build = clock.Elapsed;
        Progress($"{peer.Name}: built in {build.TotalSeconds:F2} s — {peer.Description}");

        // Tuning pass at the lowest threshold of the grid: every alias positive, the first N negatives, all pairs.
        var tuningNegatives = sets.Negatives.Take(options.TuningNegatives).Select(n => n.Name).ToList();
        var floor = peer.ThresholdGrid[0];
        var tuningQueries = sets.Aliases.Select(a => a.Query).Concat(tuningNegatives).ToList();
        var tuning = await peer.ScreenAsync(tuningQueries, options.Top, floor, options.Workers, null, cancellationToken);
        var nameBenchScores = await peer.ScorePairsAsync(sets.NameBench, cancellationToken);
        var crossScriptScores = await peer.ScorePairsAsync(sets.CrossScript, cancellationToken);
        var sweep = peer.ThresholdGrid.Select(t => new SweepRow(t, Scoring.Measure(
            sets.Aliases,
            tuning.Results[..sets.Aliases.Count],
            tuning.Results[sets.Aliases.Count..],
            sets.NameBench,
            [.. nameBenchScores.Select(s => s >= t)],
            [.. crossScriptScores.Select(s => s >= t)],
            c => c.Score >= t))).ToList();
        var (threshold, choice) = Choose(sweep, options.TuningNegatives);
        Progress($"{peer.Name}: threshold {threshold:F2} ({choice})");

        Progress($"{peer.Name}: screening {queries.Count} names on {options.Workers} workers");
        var run = await peer.ScreenAsync(queries, options.Top, threshold, options.Workers, null, cancellationToken);
        Progress($"{peer.Name}: {run.Elapsed.TotalSeconds:F1} s");

        var sampleQueries = latencySample.Select(i => queries[i]).ToList();
        await peer.ScreenAsync(sampleQueries.Take(200).ToList(), options.Top, threshold, 1, null, cancellationToken);
        var latency = new double[sampleQueries.Count];
        await peer.ScreenAsync(sampleQueries, options.Top, threshold, 1, latency, cancellationToken);

        var quality = Scoring.Measure(
            sets.Aliases,
            run.Results[..sets.Aliases.Count],
            run.Results[sets.Aliases.Count..],
            sets.NameBench,
            [.. nameBenchScores.Select(s => s >= threshold)],
            [.. crossScriptScores.Select(s => s >= threshold)],
            c => c.IsHit);
        return new SystemResult(
            peer.Name,
            peer.Description,
            threshold,
            choice,
            quality,
            queries.Count,
            build,
            null,
            run.Elapsed,
            Scoring.Percentile(latency, 50),
            Scoring.Percentile(latency, 99),
            latency.Length,
            sweep,
            Scoring.MissedAliases(sets.Aliases, run.Results[..sets.Aliases.Count], c => c.IsHit, ExampleLimit),
            Scoring.FalsePositives([.. sets.Negatives.Select(n => n.Name)], run.Results[sets.Aliases.Count..], c => c.IsHit, ExampleLimit));
    }

    private static async Task<SystemResult> RunClearanceAsync(
        ClearanceLists lists,
        QuerySets sets,
        IReadOnlyList<(string Id, string Name)> screening,
        IReadOnlyList<int> latencySample,
        PeersOptions options,
        CancellationToken cancellationToken)
    {
        var work = Directory.CreateTempSubdirectory("clearance-peers-");
        try
        {
            var cli = new ClearanceCli(options.ClearanceCli, work.FullName);
            Progress("Clearance: screen of one name (process start, list load, index build)");
            var single = await cli.ScreenAsync([screening[0]], options.Top, cancellationToken);
            Progress($"Clearance: {single.Elapsed.TotalSeconds:F2} s; screening {screening.Count} names");
            var run = await cli.ScreenAsync(screening, options.Top, cancellationToken);
            Progress($"Clearance: {run.Elapsed.TotalSeconds:F1} s; match-pairs");
            var nameBench = await cli.MatchPairsAsync(sets.NameBench, "name-bench", cancellationToken);
            var crossScript = await cli.MatchPairsAsync(sets.CrossScript, "cross-script", cancellationToken);
            Progress("Clearance: in process, index build and single-query latency");
            var (build, latency) = ClearanceLibrary.Measure(lists.Entries, [.. latencySample.Select(i => screening[i].Name)], options.Top);

            // Thresholds at and above the default only: below it the CLI's candidate list is not complete.
            var sweep = ClearanceGrid().Select(t => new SweepRow(t, Scoring.Measure(
                sets.Aliases,
                run.Results[..sets.Aliases.Count],
                run.Results[sets.Aliases.Count..],
                sets.NameBench,
                [.. nameBench.Scores.Select(s => s >= t)],
                [.. crossScript.Scores.Select(s => s >= t)],
                c => c.Score >= t))).ToList();
            var quality = Scoring.Measure(
                sets.Aliases,
                run.Results[..sets.Aliases.Count],
                run.Results[sets.Aliases.Count..],
                sets.NameBench,
                nameBench.Matches,
                crossScript.Matches,
                c => c.IsHit);
            return new SystemResult(
                "Clearance",
                $"CLI `{Path.GetFileName(options.ClearanceCli)} screen --top {options.Top}` and `match-pairs`, default lists and default threshold",
                ScreeningDefaults.Threshold,
                "Clearance's documented default, `ScreeningDefaults.Threshold` (not tuned here)",
                quality,
                screening.Count,
                build,
                single.Elapsed,
                run.Elapsed - single.Elapsed,
                Scoring.Percentile(latency, 50),
                Scoring.Percentile(latency, 99),
                latency.Length,
                sweep,
                Scoring.MissedAliases(sets.Aliases, run.Results[..sets.Aliases.Count], c => c.IsHit, ExampleLimit),
                Scoring.FalsePositives([.. sets.Negatives.Select(n => n.Name)], run.Results[sets.Aliases.Count..], c => c.IsHit, ExampleLimit));
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>
    /// The threshold with the best name_bench F1 among those within the false-positive budget on the tuning negatives;
    /// when none is within budget, the one with the fewest false positives (then the best F1).
    /// </summary>
    private static (double Threshold, string Choice) Choose(IReadOnlyList<SweepRow> sweep, int tuningNegatives)
    {
        var within = sweep.Where(r => r.Quality.FalsePositiveRate <= FalsePositiveBudget).ToList();
        if (within.Count > 0)
        {
            var best = within.OrderByDescending(r => r.Quality.F1).ThenByDescending(r => r.Quality.AliasRecall).ThenBy(r => r.Threshold).First();
            return (best.Threshold, string.Create(
                CultureInfo.InvariantCulture,
                $"best name_bench F1 among grid values with false positives ≤ 0.5% on the first {tuningNegatives} negatives"));
        }

        var fewest = sweep.OrderBy(r => r.Quality.FalsePositiveRate).ThenByDescending(r => r.Quality.F1).First();
        return (fewest.Threshold, string.Create(
            CultureInfo.InvariantCulture,
            $"no grid value keeps false positives ≤ 0.5% on the first {tuningNegatives} negatives; the one with the fewest"));
    }

    /// <summary>The default threshold and every 0.02 above it up to 0.98.</summary>
    private static IEnumerable<double> ClearanceGrid()
    {
        for (var t = ScreeningDefaults.Threshold; t < 0.99; t = Math.Round(t + 0.02, 2))
        {
            yield return t;
        }
    }

    private static void Progress(string message) =>
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{DateTime.UtcNow:HH:mm:ss}] {message}"));
}
