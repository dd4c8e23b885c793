using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Clearance.Lists;
using Clearance.Screening;
using CsvHelper;

namespace Clearance.Cli;

/// <summary><c>clearance screen FILE [--list PATH]... [--threshold X] [--top K] [--format csv|json|table]</c>.</summary>
static class ScreenCommand
{
    const int ProgressMinimumRows = 20_000;

    // Small enough that the first rows are written at once and no core idles at the end, large enough to amortise the
    // hand-over between threads.
    const int BatchSize = 64;

    public static Command Create(TextWriter output, TextWriter error)
    {
        var file = new Argument<string>("FILE") { Description = "CSV with id,name and optionally country,address,type" };
        var lists = new Option<string[]>("--list")
        {
            Description = "A CSL CSV/JSON, an OFAC legacy folder, the DPL text file or a custom CSV; repeatable (default: the newest download, else the shipped snapshots)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var threshold = new Option<double>("--threshold")
        {
            Description = "A score at or above this is a hit",
            DefaultValueFactory = _ => ScreeningDefaults.Threshold,
        };
        var top = new Option<int>("--top") { Description = "Rows per input: the K best candidates", DefaultValueFactory = _ => 1 };
        var format = new Option<string>("--format") { Description = "csv, json or table", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "json", "table");
        var command = new Command("screen", "Screen parties against the restricted-party lists") { file, lists, threshold, top, format };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(file)!, parse.GetValue(lists) ?? [], parse.GetValue(threshold),
            parse.GetValue(top), parse.GetValue(format)!, output, error, ct));
        return command;
    }

    static async Task<int> RunAsync(string path, string[] listPaths, double threshold, int top, string format, TextWriter output,
        TextWriter error, CancellationToken ct)
    {
        if (threshold is < 0 or > 1 || double.IsNaN(threshold))
        {
            error.WriteLine($"--threshold: '{threshold.ToString(CultureInfo.InvariantCulture)}' must be between 0 and 1");
            return CliApp.BadInput;
        }

        if (top < 1)
        {
            error.WriteLine($"--top: '{top}' must be at least 1");
            return CliApp.BadInput;
        }

        // The reference data (for the country spellings of the lists) and the lists (from their cache, or parsed and
        // indexed) load while the input is read: neither needs the other.
        var loading = Task.Run(() =>
        {
            var log = new StringWriter();
            if (DataLoader.TryLoadListData(log) is not { } data)
            {
                return (Set: (ListSet?)null, Log: log, Problem: (string?)null);
            }

            try
            {
                var paths = listPaths.Length > 0 ? listPaths : data.Store.DefaultPaths();
                return (Set: ListSet.Load(paths, data.Countries, data.Store.CacheDirectory, log), Log: log, Problem: (string?)null);
            }
            catch (ListFormatException e)
            {
                return (Set: (ListSet?)null, Log: log, Problem: e.Message);
            }
        }, ct);
        var (input, problem) = CsvInput.Read(path, ["id", "name"]);
        if (input is null)
        {
            error.WriteLine(problem);
            return CliApp.BadInput;
        }

        var queries = new ScreeningQuery[input.Rows.Count];
        for (var r = 0; r < input.Rows.Count; r++)
        {
            var (line, fields) = input.Rows[r];
            var name = input.Field(fields, "name").Trim();
            if (name.Length == 0)
            {
                error.WriteLine($"{path}:{line}: column 'name' is empty");
                return CliApp.BadInput;
            }

            if (name.Length > NameNormalizer.MaxLength)
            {
                error.WriteLine($"{path}:{line}: column 'name' is {name.Length} characters long; the limit is {NameNormalizer.MaxLength}");
                return CliApp.BadInput;
            }

            var typeText = input.Field(fields, "type").Trim();
            if (!PartyTypeNames.TryParse(typeText, out var type))
            {
                error.WriteLine($"{path}:{line}: column 'type': '{typeText}' is not one of {PartyTypeNames.Accepted}");
                return CliApp.BadInput;
            }

            var address = input.Field(fields, "address");
            queries[r] = new ScreeningQuery(name, input.Field(fields, "country").Trim(),
                address.Length > NameNormalizer.MaxLength ? address[..NameNormalizer.MaxLength] : address, type);
        }

        var (set, log, listProblem) = await loading;
        error.Write(log.ToString());
        if (set is null)
        {
            if (listProblem is not null)
            {
                error.WriteLine(listProblem);
            }

            return CliApp.BadInput;
        }

        ListsCommand.ReportProblems(set, error);
        var results = ProgressBar.Run(queries.Length >= ProgressMinimumRows ? error : TextWriter.Null, queries.Length, "screening", progress =>
        {
            var screened = Screened(set.Index, queries, new RepeatedQueries(queries), top, progress, ct);
            if (format is "json" or "table")
            {
                return screened.ToArray();
            }

            WriteCsv(output, input, queries, screened, threshold);
            return null;
        });
        if (results is not null && format == "table")
        {
            WriteTable(output, input, queries, results, threshold);
        }
        else if (results is not null)
        {
            WriteJson(output, input, queries, results, threshold);
        }

        return CliApp.Ok;
    }

    static string Id(CsvInput input, int row) => input.Field(input.Rows[row].Fields, "id");

    // The queries in batches of BatchSize on every core, the results in input order as soon as each batch and every one
    // before it is screened; a row repeating an earlier row's party is not screened again but given that row's matches.
    static IEnumerable<IReadOnlyList<ScreeningMatch>> Screened(ScreeningIndex index, ScreeningQuery[] queries, RepeatedQueries repeats, int top,
        IProgress<int>? progress, CancellationToken ct)
    {
        var batches = Enumerable.Range(0, (queries.Length + BatchSize - 1) / BatchSize);
        var row = 0;
        foreach (var batch in OrderedParallel.Select(batches, b => Screen(index, queries, repeats, b * BatchSize, top), ct))
        {
            foreach (var screened in batch)
            {
                yield return repeats.Resolve(row++, screened);
            }

            progress?.Report(row);
        }
    }

    static IReadOnlyList<ScreeningMatch>?[] Screen(ScreeningIndex index, ScreeningQuery[] queries, RepeatedQueries repeats, int start, int top)
    {
        var results = new IReadOnlyList<ScreeningMatch>?[Math.Min(BatchSize, queries.Length - start)];
        for (var i = 0; i < results.Length; i++)
        {
            if (!repeats.IsRepeat(start + i))
            {
                results[i] = index.Screen(queries[start + i], top);
            }
        }

        return results;
    }

    /// <summary>Writes each row as soon as it and every row before it are screened, while the workers go on.</summary>
    static void WriteCsv(TextWriter output, CsvInput input, ScreeningQuery[] queries, IEnumerable<IReadOnlyList<ScreeningMatch>> results,
        double threshold)
    {
        using var csv = new CsvWriter(output, CultureInfo.InvariantCulture, leaveOpen: true);
        foreach (var column in (string[])["id", "name", "decision", "score", "list", "entry_id", "entry_name", "matched_name", "explanation"])
        {
            csv.WriteField(column);
        }

        csv.NextRecord();
        var r = -1;
        foreach (var matches in results)
        {
            r++;
            if (matches.Count == 0)
            {
                foreach (var field in (string[])[Id(input, r), queries[r].Name, "clear", "0", "", "", "", "", ""])
                {
                    csv.WriteField(field);
                }

                csv.NextRecord();
                continue;
            }

            foreach (var match in matches)
            {
                csv.WriteField(Id(input, r));
                csv.WriteField(queries[r].Name);
                csv.WriteField(match.Score >= threshold ? "hit" : "clear");
                csv.WriteField(match.Score.ToString("0.0000", CultureInfo.InvariantCulture));
                csv.WriteField(match.Entry.List);
                csv.WriteField(match.Entry.Id);
                csv.WriteField(match.Entry.Name);
                csv.WriteField(match.MatchedName);
                csv.WriteField(match.Explanation + "; list version " + match.Entry.ListVersion);
                csv.NextRecord();
            }
        }
    }

    static void WriteJson(TextWriter output, CsvInput input, ScreeningQuery[] queries, IReadOnlyList<ScreeningMatch>[] results, double threshold)
    {
        var rows = new List<object>();
        for (var r = 0; r < queries.Length; r++)
        {
            rows.Add(new
            {
                id = Id(input, r),
                name = queries[r].Name,
                decision = results[r].Count > 0 && results[r][0].Score >= threshold ? "hit" : "clear",
                threshold,
                matches = results[r].Select((m, k) => new
                {
                    decision = m.Score >= threshold ? "hit" : "clear",
                    label = Label(m, k, threshold),
                    score = m.Score,
                    list = m.Entry.List,
                    listVersion = m.Entry.ListVersion,
                    entryId = m.Entry.Id,
                    entryName = m.Entry.Name,
                    matchedName = m.MatchedName,
                    type = m.Entry.Type.ToString(),
                    countries = m.Entry.Countries,
                    programs = m.Entry.Programs,
                    federalRegisterNotice = m.Entry.FederalRegisterNotice,
                    licenseRequirement = m.Entry.LicenseRequirement,
                    licensePolicy = m.Entry.LicensePolicy,
                    explanation = m.Explanation,
                }),
            });
        }

        output.WriteLine(JsonSerializer.Serialize(rows, JsonOptions));
    }

    /// <summary>
    /// What a candidate is: a hit, or a list entry below the threshold, which is no finding; the best one of a row that
    /// is clear is shown as the nearest, so that a reader does not take its score for a match.
    /// </summary>
    static string Label(ScreeningMatch match, int rank, double threshold) =>
        match.Score >= threshold ? "hit: score at or above the threshold " + Number(threshold)
        : (rank == 0 ? "nearest candidate" : "candidate") + " below the threshold " + Number(threshold) + ", not a finding";

    static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>For a person reading at a terminal: per party its decision, then each candidate labelled and explained.</summary>
    static void WriteTable(TextWriter output, CsvInput input, ScreeningQuery[] queries, IReadOnlyList<ScreeningMatch>[] results, double threshold)
    {
        for (var r = 0; r < queries.Length; r++)
        {
            var matches = results[r];
            var hit = matches.Count > 0 && matches[0].Score >= threshold;
            output.WriteLine($"{Id(input, r)}  {queries[r].Name}  {(hit ? "HIT" : "clear")}");
            if (matches.Count == 0)
            {
                output.WriteLine("    no candidate on the lists");
            }

            for (var k = 0; k < matches.Count; k++)
            {
                var m = matches[k];
                output.WriteLine($"    {Label(m, k, threshold)}: {m.Entry.Name} ({m.Entry.List} {m.Entry.Id}), score {m.Score.ToString("0.0000", CultureInfo.InvariantCulture)}");
                output.WriteLine($"      {m.Explanation}; list version {m.Entry.ListVersion}");
            }
        }
    }

    static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };
}
