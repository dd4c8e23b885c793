using System.Diagnostics;
using System.Globalization;
using System.Text;
using Clearance.Peers.Queries;
using CsvHelper;

namespace Clearance.Peers.Systems;

/// <summary>Clearance end to end: the Release CLI in its own process, reading and writing files as a user would.</summary>
public sealed class ClearanceCli(string cliDll, string workDirectory)
{
    public string Name => "Clearance";

    /// <summary>Runs <c>screen --top K</c> over the names and returns the candidates per name (input order) and the process wall time.</summary>
    public async Task<ScreenRun> ScreenAsync(IReadOnlyList<(string Id, string Name)> names, int top, CancellationToken cancellationToken)
    {
        var input = Path.Combine(workDirectory, string.Create(CultureInfo.InvariantCulture, $"screen-{names.Count}.csv"));
        await using (var writer = new StreamWriter(input, append: false, new UTF8Encoding(false)))
        await using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            csv.WriteField("id");
            csv.WriteField("name");
            await csv.NextRecordAsync();
            foreach (var (id, name) in names)
            {
                csv.WriteField(id);
                csv.WriteField(name);
                await csv.NextRecordAsync();
            }
        }

        var output = input + ".out.csv";
        var elapsed = await RunAsync(["screen", input, "--top", top.ToString(CultureInfo.InvariantCulture), "--format", "csv"], output, cancellationToken);
        var byId = new Dictionary<string, List<Candidate>>(StringComparer.Ordinal);
        using (var reader = new StreamReader(output))
        using (var csv = new CsvReader(reader, CultureInfo.InvariantCulture))
        {
            csv.Read();
            csv.ReadHeader();
            while (csv.Read())
            {
                var id = csv.GetField("id")!;
                if (!byId.TryGetValue(id, out var list))
                {
                    byId[id] = list = [];
                }

                var entryId = csv.GetField("entry_id") ?? string.Empty;
                var scoreText = csv.GetField("score") ?? string.Empty;
                if (entryId.Length == 0 || scoreText.Length == 0)
                {
                    continue;
                }

                list.Add(new Candidate(
                    entryId,
                    csv.GetField("entry_name") ?? string.Empty,
                    csv.GetField("matched_name") ?? string.Empty,
                    double.Parse(scoreText, CultureInfo.InvariantCulture),
                    string.Equals(csv.GetField("decision"), "hit", StringComparison.Ordinal)));
            }
        }

        var results = names.Select(n => byId.TryGetValue(n.Id, out var list) ? (IReadOnlyList<Candidate>)list : []).ToArray();
        var missing = names.Count(n => !byId.ContainsKey(n.Id));
        if (missing > 0)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"clearance screen returned no row for {missing} of {names.Count} names"));
        }

        return new ScreenRun(results, elapsed);
    }

    /// <summary>Runs <c>match-pairs</c> and returns each pair's score and whether Clearance calls it a match, with the process wall time.</summary>
    public async Task<(double[] Scores, bool[] Matches, TimeSpan Elapsed)> MatchPairsAsync(IReadOnlyList<NamePair> pairs, string label, CancellationToken cancellationToken)
    {
        var input = Path.Combine(workDirectory, $"pairs-{label}.csv");
        var withSchema = pairs.All(p => !string.IsNullOrEmpty(p.Schema));
        await using (var writer = new StreamWriter(input, append: false, new UTF8Encoding(false)))
        await using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            csv.WriteField("name1");
            csv.WriteField("name2");
            if (withSchema)
            {
                csv.WriteField("schema");
            }

            await csv.NextRecordAsync();
            foreach (var pair in pairs)
            {
                csv.WriteField(pair.Name1);
                csv.WriteField(pair.Name2);
                if (withSchema)
                {
                    csv.WriteField(pair.Schema);
                }

                await csv.NextRecordAsync();
            }
        }

        var output = input + ".out.csv";
        var elapsed = await RunAsync(["match-pairs", input], output, cancellationToken);
        var scores = new List<double>();
        var matches = new List<bool>();
        using (var reader = new StreamReader(output))
        using (var csv = new CsvReader(reader, CultureInfo.InvariantCulture))
        {
            csv.Read();
            csv.ReadHeader();
            while (csv.Read())
            {
                scores.Add(double.Parse(csv.GetField("score")!, CultureInfo.InvariantCulture));
                matches.Add(string.Equals(csv.GetField("decision"), "match", StringComparison.Ordinal));
            }
        }

        if (scores.Count != pairs.Count)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"clearance match-pairs returned {scores.Count} rows for {pairs.Count} pairs"));
        }

        return ([.. scores], [.. matches], elapsed);
    }

    private async Task<TimeSpan> RunAsync(IReadOnlyList<string> arguments, string outputPath, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(cliDll);

        // An empty download folder: the CLI then screens against the shipped snapshots, the lists the peers load.
        start.Environment["CLEARANCE_LISTS_DIR"] = Path.Combine(workDirectory, "no-downloads");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await using (var file = File.Create(outputPath))
        {
            await process.StandardOutput.BaseStream.CopyToAsync(file, cancellationToken);
        }

        await process.WaitForExitAsync(cancellationToken);
        var elapsed = clock.Elapsed;
        var stderr = await error;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"clearance {arguments[0]} exited {process.ExitCode}: {stderr}"));
        }

        return elapsed;
    }
}
