using System.Globalization;
using System.Text;
using Clearance.Peers.Queries;

namespace Clearance.Peers.Reporting;

/// <summary>Writes the one-table markdown report of a run (bench/peers/results.md).</summary>
public static class ReportWriter
{
    public static string Write(
        SystemResult? clearance,
        string? clearanceError,
        IReadOnlyList<SystemResult> peers,
        PeersOptions options,
        int listNames,
        string listSource,
        QuerySets sets,
        int screenedNames)
    {
        IReadOnlyList<SystemResult> results = clearance is null ? peers : [clearance, .. peers];
        var text = new StringBuilder();
        void Line(FormattableString line) => text.AppendLine(line.ToString(CultureInfo.InvariantCulture));

        Line($"# Clearance vs PostgreSQL pg_trgm vs Lucene.Net — one run");
        Line($"");
        Line($"Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores, .NET {Environment.Version}; written by `bench/peers/run.sh`.");
        Line($"Load average at the end of the run (1/5/15 min; the machine is shared, so speed figures carry that noise): {LoadAverage()}.");
        Line($"Lists: {listNames} names (every primary name and alias a row), {listSource}.");
        Line($"Queries: {sets.Aliases.Count} alias positives + {sets.Negatives.Count} negatives = {screenedNames} names screened by each system (top {options.Top} candidates each); {sets.NameBench.Count} name_bench pairs and {sets.CrossScript.Count} cross-script pairs scored as pairs.");
        Line($"");

        var header = new StringBuilder("| figure |");
        var rule = new StringBuilder("|---|");
        foreach (var result in results)
        {
            header.Append(CultureInfo.InvariantCulture, $" {result.Name} |");
            rule.Append("---:|");
        }

        if (clearance is not null)
        {
            foreach (var peer in peers)
            {
                header.Append(CultureInfo.InvariantCulture, $" Clearance vs {peer.Name} |");
                rule.Append("---:|");
            }
        }

        text.AppendLine(header.ToString());
        text.AppendLine(rule.ToString());

        Row(text, "threshold", results, r => double.IsNaN(r.Threshold) ? "default" : F(r.Threshold, "F2"), null);
        Row(text, "alias recall (CSL CN/HK aliases → entry)", results, r => $"{F(r.Quality.AliasRecall, "P2")} ({r.Quality.AliasesFound}/{r.Quality.Aliases})", (c, p) => Diff(c.Quality.AliasRecall, p.Quality.AliasRecall));
        Row(text, "false-positive rate (negatives, lower is better)", results, r => $"{F(r.Quality.FalsePositiveRate, "P2")} ({r.Quality.NegativeHits}/{r.Quality.Negatives})", (c, p) => Times(p.Quality.FalsePositiveRate, c.Quality.FalsePositiveRate, "fewer"));
        Row(text, "name_bench precision", results, r => F(r.Quality.Precision, "F3"), (c, p) => Diff(c.Quality.Precision, p.Quality.Precision));
        Row(text, "name_bench recall", results, r => F(r.Quality.Recall, "F3"), (c, p) => Diff(c.Quality.Recall, p.Quality.Recall));
        Row(text, "name_bench F1", results, r => F(r.Quality.F1, "F3"), (c, p) => Diff(c.Quality.F1, p.Quality.F1));
        Row(text, "cross-script pairs matched", results, r => $"{r.Quality.CrossScriptMatched}/{r.Quality.CrossScript}", (c, p) => $"{c.Quality.CrossScriptMatched - p.Quality.CrossScriptMatched:+0;-0;0}");
        Row(text, "index build from the list names (s)", results, r => F(r.BuildTime.TotalSeconds, "F2"), (c, p) => Times(p.BuildTime.TotalSeconds, c.BuildTime.TotalSeconds, "faster"));
        Row(text, "CLI one-name run: start, list load, index build (s)", results, r => r.ProcessLoadTime is { } t ? F(t.TotalSeconds, "F2") : "—", null);
        Row(text, "batch throughput, queries only (names/s)", results, r => F(r.ScreenedNames / r.BatchTime.TotalSeconds, "N0"), (c, p) => Times(c.ScreenedNames / c.BatchTime.TotalSeconds, p.ScreenedNames / p.BatchTime.TotalSeconds, "faster"));
        Row(text, "batch throughput, end to end incl. build (names/s)", results, r => F(EndToEnd(r), "N0"), (c, p) => Times(EndToEnd(c), EndToEnd(p), "faster"));
        Row(text, "single-query latency p50 (ms)", results, r => r.LatencyP50Ms is { } v ? F(v, "F3") : "n/a", (c, p) => c.LatencyP50Ms is { } cv && p.LatencyP50Ms is { } pv ? Times(pv, cv, "faster") : "n/a");
        Row(text, "single-query latency p99 (ms)", results, r => r.LatencyP99Ms is { } v ? F(v, "F3") : "n/a", (c, p) => c.LatencyP99Ms is { } cv && p.LatencyP99Ms is { } pv ? Times(pv, cv, "faster") : "n/a");
        text.AppendLine();
        if (clearance is not null)
        {
            EqualFalsePositives(text, clearance, peers);
        }

        if (clearanceError is not null)
        {
            Line($"**Clearance did not run in this run**: {clearanceError}");
            Line($"");
        }

        Line($"How each figure is measured:");
        Line($"- alias recall: the alias is the query; found when a candidate the system calls a hit (score ≥ its threshold) is the expected entry (same entry id or the same primary name).");
        Line($"- false-positive rate: a negative counts when any candidate is a hit.");
        Line($"- name_bench / cross-script: each pair scored on its own (Clearance `match-pairs`; pg_trgm `similarity()`; Lucene the rescoring score below), match when score ≥ threshold.");
        Line($"- throughput: all {screenedNames} names on {options.Workers} workers for the peers (one connection or searcher thread each); Clearance's CLI uses all cores itself. Clearance's queries-only figure is the wall time of the CLI process minus that of a one-name run (process start, list load, index build, one query); its end-to-end figure is the whole CLI process. The peers' end-to-end figure is index build plus batch, without server start or list parsing.");
        Line($"- index build: from the same list names in process (Clearance: `ScreeningIndex.Build` over the merged entries; pg_trgm: COPY, unaccent, GIN index, VACUUM ANALYZE; Lucene: add documents, force-merge).");
        Line($"- latency: every {options.LatencyEvery}th screened name ({results.Where(r => r.LatencySample > 0).Select(r => r.LatencySample).FirstOrDefault()} queries) one at a time after a 200-query warm-up, in process (Clearance: `ScreeningIndex.Screen` of the library the CLI uses; pg_trgm: including the client round trip on localhost).");
        Line($"");
        foreach (var result in results)
        {
            Line($"**{result.Name}** — {result.Description}. Threshold: {result.ThresholdChoice}.");
            Line($"");
        }

        foreach (var result in results)
        {
            Line($"### {result.Name}: where it misses");
            Line($"");
            Line($"Alias positives not found ({result.Quality.Aliases - result.Quality.AliasesFound}; up to {result.MissedAliases.Count} shown):");
            foreach (var miss in result.MissedAliases)
            {
                Line($"- {miss}");
            }

            Line($"");
            Line($"False positives on the negatives ({result.Quality.NegativeHits}; the first {result.FalsePositives.Count} shown):");
            foreach (var hit in result.FalsePositives)
            {
                Line($"- {hit}");
            }

            Line($"");
        }

        if (clearance is not null)
        {
            Sweep(text, $"### Clearance: sweep above its default (all alias positives, all {sets.Negatives.Count} negatives, all pairs)", clearance);
        }

        foreach (var peer in peers)
        {
            Sweep(text, $"### {peer.Name}: tuning sweep (all alias positives, first {options.TuningNegatives} negatives, all pairs)", peer);
        }

        return text.ToString();
    }

    /// <summary>
    /// Quality at equal false-positive rates: for each peer, Clearance at the lowest of its thresholds whose
    /// false-positive rate on the negatives is no higher than the peer's at the peer's own threshold — the comparison
    /// a team makes when it fixes the number of false alarms its officers can review.
    /// </summary>
    private static void EqualFalsePositives(StringBuilder text, SystemResult clearance, IReadOnlyList<SystemResult> peers)
    {
        void Line(FormattableString line) => text.AppendLine(line.ToString(CultureInfo.InvariantCulture));
        Line($"At equal false-positive rates (Clearance at the lowest threshold of its sweep below whose false-positive rate is at most the peer's):");
        Line($"");
        Line($"| peer | peer: FP rate, alias recall, name_bench P / R / F1 | Clearance threshold | Clearance: FP rate, alias recall, name_bench P / R / F1 | F1 difference |");
        Line($"|---|---:|---:|---:|---:|");
        foreach (var peer in peers)
        {
            var p = peer.Quality;
            var match = clearance.Sweep.FirstOrDefault(r => r.Quality.FalsePositiveRate <= p.FalsePositiveRate);
            if (match is null)
            {
                Line($"| {peer.Name} | {p.FalsePositiveRate:P2}, {p.AliasRecall:P2}, {p.Precision:F3} / {p.Recall:F3} / {p.F1:F3} | none of the sweep | — | — |");
                continue;
            }

            var c = match.Quality;
            Line($"| {peer.Name} | {p.FalsePositiveRate:P2}, {p.AliasRecall:P2}, {p.Precision:F3} / {p.Recall:F3} / {p.F1:F3} | {match.Threshold:F2} | {c.FalsePositiveRate:P2}, {c.AliasRecall:P2}, {c.Precision:F3} / {c.Recall:F3} / {c.F1:F3} | {c.F1 - p.F1:+0.000;-0.000;0.000} |");
        }

        Line($"");
    }

    private static void Sweep(StringBuilder text, string title, SystemResult result)
    {
        void Line(FormattableString line) => text.AppendLine(line.ToString(CultureInfo.InvariantCulture));
        Line($"{title}");
        Line($"");
        Line($"| threshold | alias recall | FP rate | name_bench P | R | F1 | cross-script |");
        Line($"|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var row in result.Sweep)
        {
            var q = row.Quality;
            Line($"| {row.Threshold:F2}{(row.Threshold == result.Threshold ? " ←" : string.Empty)} | {q.AliasRecall:P2} | {q.FalsePositiveRate:P2} | {q.Precision:F3} | {q.Recall:F3} | {q.F1:F3} | {q.CrossScriptMatched}/{q.CrossScript} |");
        }

        Line($"");
    }

    private static void Row(
        StringBuilder text, string label, IReadOnlyList<SystemResult> results, Func<SystemResult, string> cell, Func<SystemResult, SystemResult, string>? compare)
    {
        text.Append(CultureInfo.InvariantCulture, $"| {label} |");
        foreach (var result in results)
        {
            text.Append(CultureInfo.InvariantCulture, $" {cell(result)} |");
        }

        if (string.Equals(results[0].Name, "Clearance", StringComparison.Ordinal))
        {
            foreach (var peer in results.Skip(1))
            {
                text.Append(CultureInfo.InvariantCulture, $" {(compare is null ? string.Empty : compare(results[0], peer))} |");
            }
        }

        text.AppendLine();
    }

    /// <summary>Clearance: the whole CLI process (start, list load, index build, screening, output); peers: index build plus the batch.</summary>
    private static double EndToEnd(SystemResult r) => r.ScreenedNames / (r.BatchTime + (r.ProcessLoadTime ?? r.BuildTime)).TotalSeconds;

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    private static string Diff(double clearance, double peer) =>
        string.Create(CultureInfo.InvariantCulture, $"{clearance - peer:+0.000;-0.000;0.000}");

    /// <summary>How many times better Clearance is; "better" means a larger <paramref name="better"/> over <paramref name="worse"/>.</summary>
    private static string Times(double better, double worse, string word) => worse <= 0
        ? (better <= 0 ? "equal" : "∞")
        : string.Create(CultureInfo.InvariantCulture, $"{better / worse:F1}× {(better >= worse ? word : "(worse)")}");
}
