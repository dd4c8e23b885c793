using System.Globalization;

namespace Clearance.Peers;

/// <summary>Command-line settings of the side-by-side run (bench/peers/run.sh passes them).</summary>
public sealed record PeersOptions(
    string Repository,
    string Postgres,
    string ClearanceCli,
    string Output,
    int? NegativesLimit,
    int TuningNegatives,
    int Workers,
    int LatencyEvery,
    int Top)
{
    public static PeersOptions Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                throw new ArgumentException($"expected --option value pairs, got '{args[i]}'");
            }

            values[args[i][2..]] = args[++i];
        }

        string Required(string key) => values.TryGetValue(key, out var value) ? value : throw new ArgumentException($"--{key} is required");
        int Number(string key, int fallback) => values.TryGetValue(key, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

        return new PeersOptions(
            Path.GetFullPath(Required("repo")),
            Required("postgres"),
            Path.GetFullPath(Required("cli")),
            Path.GetFullPath(Required("out")),
            values.ContainsKey("negatives") ? Number("negatives", 0) : null,
            Number("tuning-negatives", 5000),
            Number("workers", Environment.ProcessorCount),
            Number("latency-every", 20),
            Number("top", 5));
    }
}
