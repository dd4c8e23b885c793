using System.CommandLine;
using System.Globalization;
using Clearance.Screening;
using CsvHelper;

namespace Clearance.Cli;

/// <summary><c>clearance match-pairs FILE [--threshold X]</c>: scores name pairs.</summary>
static class MatchPairsCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var file = new Argument<string>("FILE") { Description = "CSV with name1,name2 and optionally schema" };
        var threshold = new Option<double>("--threshold")
        {
            Description = "A score at or above this is a match",
            DefaultValueFactory = _ => ScreeningDefaults.Threshold,
        };
        var command = new Command("match-pairs", "Score name pairs") { file, threshold };
        command.SetAction(parse => Run(parse.GetValue(file)!, parse.GetValue(threshold), output, error));
        return command;
    }

    static int Run(string path, double threshold, TextWriter output, TextWriter error)
    {
        if (threshold is < 0 or > 1 || double.IsNaN(threshold))
        {
            error.WriteLine($"--threshold: '{threshold.ToString(CultureInfo.InvariantCulture)}' must be between 0 and 1");
            return CliApp.BadInput;
        }

        var (input, problem) = CsvInput.Read(path, ["name1", "name2"]);
        if (input is null)
        {
            error.WriteLine(problem);
            return CliApp.BadInput;
        }

        var scores = new double[input.Rows.Count];
        var types = new PartyType[input.Rows.Count];
        for (var r = 0; r < input.Rows.Count; r++)
        {
            var (line, fields) = input.Rows[r];
            foreach (var column in (string[])["name1", "name2"])
            {
                var value = input.Field(fields, column);
                if (value.Trim().Length == 0)
                {
                    error.WriteLine($"{path}:{line}: column '{column}' is empty");
                    return CliApp.BadInput;
                }

                if (value.Length > NameNormalizer.MaxLength)
                {
                    error.WriteLine($"{path}:{line}: column '{column}' is {value.Length} characters long; the limit is {NameNormalizer.MaxLength}");
                    return CliApp.BadInput;
                }
            }

            var schema = input.Field(fields, "schema");
            if (!PartyTypeNames.TryParse(schema, out types[r]))
            {
                error.WriteLine($"{path}:{line}: column 'schema': '{schema.Trim()}' is not one of {PartyTypeNames.Accepted}");
                return CliApp.BadInput;
            }
        }

        Parallel.For(0, input.Rows.Count, r =>
        {
            var fields = input.Rows[r].Fields;
            scores[r] = NameMatcher.Score(input.Field(fields, "name1"), input.Field(fields, "name2"), types[r]);
        });

        using var csv = new CsvWriter(output, CultureInfo.InvariantCulture, leaveOpen: true);
        foreach (var column in input.Header)
        {
            csv.WriteField(column);
        }

        csv.WriteField("score");
        csv.WriteField("decision");
        csv.NextRecord();
        for (var r = 0; r < input.Rows.Count; r++)
        {
            var fields = input.Rows[r].Fields;
            for (var c = 0; c < input.Header.Length; c++)
            {
                csv.WriteField(c < fields.Length ? fields[c] : "");
            }

            csv.WriteField(scores[r].ToString("0.0000", CultureInfo.InvariantCulture));
            csv.WriteField(scores[r] >= threshold ? "match" : "no-match");
            csv.NextRecord();
        }

        return CliApp.Ok;
    }
}
