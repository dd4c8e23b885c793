using System.Text;

namespace Clearance.Cli.Tests;

/// <summary>
/// Every reader of the CLI fed broken copies of a good file: cut off at several points, with a stray quote, a NUL,
/// bytes that are not UTF-8, figures too large for a double, and (JSON) values of the wrong type and duplicate keys.
/// Whatever the damage, no exception reaches the user: the run succeeds (a cut that leaves valid rows) or exits 2
/// with a message naming the file; damage that no reading can excuse exits 2 and names the line or JSON path.
/// </summary>
public sealed class MalformedInputFuzzTests
{
    const string Chips = "name,dense_tflops_fp16,die_area_mm2,datacenter,year\nChip A,148,814,yes,2024\nChip B,989,814,yes,2023\n";

    const string Pairs = "name1,name2\nHuawei Technologies,Huawei Tech\nSugon,Dawning Information Industry\n";

    const string Parties = "id,name,country\n1,Sugon,CN\n2,Acme Trading,US\n";

    const string Custom = "id,name,aliases,country,list\nE1,Sugon,Dawning;Shuguang,CN,Entity List\nE2,Acme Trading,,US,Custom\n";

    const string Orders = """
        [{"id": "F-1", "date": "2025-06-01", "destination": "DE", "endUse": "general",
          "parties": [{"role": "buyer", "name": "Example GmbH", "country": "DE"}],
          "lines": [{"item": "NVIDIA H20 (HGX H20)", "quantity": 4, "unitPrice": 12000}]}]
        """;

    const string CslJson = """
        {"results": [{"id": "1", "name": "Sugon", "source": "Entity List", "alt_names": ["Dawning"],
                      "addresses": [{"address": "Haidian", "city": "Beijing", "country": "CN"}]}]}
        """;

    const string Dpl = "Name\tStreet_Address\tCity\tState\tCountry\tPostal_Code\tEffective_Date\n\"Example Person\"\t\"1 Main St\"\t\"Springfield\"\t\"IL\"\t\"US\"\t\"62701\"\t\"01/01/2020\"\n";

    const string Sdn = "36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n173,\"ANGLO-CARIBBEAN CO., LTD.\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n";

    /// <summary>Damaged copies of <paramref name="good"/>; <c>Fatal</c> marks those no reader may accept.</summary>
    /// <remarks>A list's malformed rows are skipped and reported with their lines (the documented contract), so a stray
    /// quote in a list is not fatal; in any other input it is.</remarks>
    static IEnumerable<(string Kind, byte[] Bytes, bool Fatal)> Damaged(string good, bool json, bool list)
    {
        var bytes = Encoding.UTF8.GetBytes(good);
        for (var k = 1; k < 8; k++)
        {
            yield return ($"cut at {k}/8", bytes[..(bytes.Length * k / 8)], false);
        }

        var secondLine = good.IndexOf('\n', StringComparison.Ordinal) + 1;
        yield return ("NUL", Encoding.UTF8.GetBytes(good.Insert(secondLine + 2, "\0")), false);
        yield return ("invalid UTF-8", [.. bytes[..(secondLine + 2)], 0xC3, 0x28, 0xFF, .. bytes[(secondLine + 2)..]], true);
        yield return ("1e400", Encoding.UTF8.GetBytes(ReplaceFirstNumber(good, "1e400")), false);
        yield return ("300 digits", Encoding.UTF8.GetBytes(ReplaceFirstNumber(good, new string('9', 300))), false);
        if (json)
        {
            yield return ("stray quote", Encoding.UTF8.GetBytes(good.Insert(good.IndexOf('"', StringComparison.Ordinal) + 2, "\"x")), true);
            yield return ("wrong types", Encoding.UTF8.GetBytes(good.Replace("\"", "", StringComparison.Ordinal)), true);
            yield return ("array for object", Encoding.UTF8.GetBytes(good.Replace('{', '[').Replace('}', ']')), true);
            yield return ("number for string", Encoding.UTF8.GetBytes(ReplaceFirstString(good, "12345")), false);
            yield return ("duplicate key", Encoding.UTF8.GetBytes(DuplicateFirstKey(good)), true);
        }
        else
        {
            yield return ("stray quote", Encoding.UTF8.GetBytes(good.Insert(secondLine, "\"Chip\"A")), !list);
            yield return ("unbalanced quote", Encoding.UTF8.GetBytes(good.Insert(secondLine, "\"")), false);
        }
    }

    static string ReplaceFirstNumber(string text, string with)
    {
        var start = text.AsSpan().IndexOfAnyInRange('0', '9');
        var end = start;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
        {
            end++;
        }

        return string.Concat(text.AsSpan(0, start), with, text.AsSpan(end));
    }

    static string ReplaceFirstString(string text, string with)
    {
        // The first value that is a string: after '": "'.
        var colon = text.IndexOf("\": \"", StringComparison.Ordinal) + 3;
        var end = text.IndexOf('"', colon + 1);
        return string.Concat(text.AsSpan(0, colon), with, text.AsSpan(end + 1));
    }

    static string DuplicateFirstKey(string text)
    {
        var brace = text.IndexOf('{', StringComparison.Ordinal) + 1;
        var comma = text.IndexOf(',', brace);
        return text.Insert(comma + 1, text[brace..comma] + ",");
    }

    public static TheoryData<string> Readers => ["classify", "match-pairs", "screen", "evaluate", "csl-json", "dpl", "custom", "ofac"];

    [Theory]
    [MemberData(nameof(Readers))]
    public async Task Damaged_input_never_escapes_as_an_exception_and_a_refusal_names_the_file(string reader)
    {
        var (good, json) = reader switch
        {
            "classify" => (Chips, false),
            "match-pairs" => (Pairs, false),
            "screen" => (Parties, false),
            "evaluate" => (Orders, true),
            "csl-json" => (CslJson, true),
            "dpl" => (Dpl, false),
            "custom" => (Custom, false),
            _ => (Sdn, false),
        };
        var failures = new List<string>();
        var list = reader is "csl-json" or "dpl" or "custom" or "ofac";
        foreach (var (kind, bytes, fatal) in Damaged(good, json, list))
        {
            using var folder = new TempFolder();
            var (args, file) = Arguments(reader, folder.Path, bytes);
            var run = await CliRun.Of(args);
            var problem = run.Exit switch
            {
                _ when run.Error.Contains("Unhandled exception", StringComparison.Ordinal) || run.Error.Contains("   at ", StringComparison.Ordinal) => "a stack trace",
                0 when fatal => "accepted",
                0 when list && kind == "stray quote" && !run.Error.Contains(":2: stray or unbalanced quote", StringComparison.Ordinal) => "a skipped row not reported",
                2 when !run.Error.Contains(file, StringComparison.Ordinal) => "a refusal that does not name the file",
                // evaluate still prints the orders it could decide (none here: "[]"); the others print nothing.
                2 when run.Output.Length > 0 && reader != "evaluate" => "output despite the refusal",
                0 or 2 => null,
                _ => $"exit {run.Exit}",
            };
            if (problem is not null)
            {
                failures.Add($"{kind}: {problem}: exit {run.Exit}: {run.Error[..Math.Min(run.Error.Length, 400)]}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [InlineData("classify", "\"Chip\"A,814\n", "name,die_area_mm2\n", ":2: malformed CSV: stray or unbalanced quote near ")]
    [InlineData("classify", "Chip,1e308,814\n", "name,dense_tflops_fp16,die_area_mm2\n", ":2: column 'dense_tflops_fp16': is too large")]
    [InlineData("classify", "Chip,1e400,814\n", "name,dense_tflops_fp16,die_area_mm2\n", ":2: column 'dense_tflops_fp16': '1e400' is too large to be a figure")]
    [InlineData("classify", "Chip,5000,1e-320\n", "name,tpp,die_area_mm2\n", ":2: column 'die_area_mm2': is so small that performance density")]
    [InlineData("classify", "Chip,99999999999\n", "name,year\n", ":2: column 'year': '99999999999' is too large (at most 2147483647)")]
    [InlineData("classify", "Ch\0ip,100\n", "name,tpp\n", ":2: column 'name': contains a control character")]
    public async Task Classify_names_file_line_and_column_and_exits_2(string command, string rows, string header, string expected)
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "chips.csv");
        await File.WriteAllTextAsync(path, header + rows);

        var run = await CliRun.Of(command, path);

        Assert.Equal(2, run.Exit);
        Assert.Equal("", run.Output);
        Assert.StartsWith(path + expected, run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"quantity\": 4", "\"quantity\": 1e30", "$[0].lines[0].quantity: 1e30 is too large (at most 9223372036854775807)")]
    [InlineData("\"quantity\": 4", "\"quantity\": 4.5", "$[0].lines[0].quantity: 4.5 is not a whole number")]
    [InlineData("\"item\": \"NVIDIA H20 (HGX H20)\"", "\"spec\": {\"name\": \"X\", \"dense_tflops_fp16\": 1e308, \"die_area_mm2\": 814}", "$[0].lines[0].spec.dense_tflops_fp16: is too large")]
    [InlineData("\"item\": \"NVIDIA H20 (HGX H20)\"", "\"spec\": {\"name\": \"X\", \"tpp\": 1e400}", "$[0].lines[0].spec.tpp: 1e400 is too large to be a figure")]
    [InlineData("\"destination\": \"DE\"", "\"destination\": \"DE\", \"destination\": \"CN\"", "$[0].destination: given twice")]
    public async Task Evaluate_names_the_json_path_of_a_figure_too_large_and_exits_2(string from, string to, string expected)
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "orders.json");
        var text = Orders.Replace(from, to, StringComparison.Ordinal);
        Assert.NotEqual(Orders, text);
        await File.WriteAllTextAsync(path, text);

        var run = await CliRun.Of("evaluate", path);

        Assert.Equal(2, run.Exit);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
    }

    static (string[] Args, string File) Arguments(string reader, string folder, byte[] bytes)
    {
        string Write(string name, byte[] content)
        {
            var path = Path.Combine(folder, name);
            File.WriteAllBytes(path, content);
            return path;
        }

        string Parties() => Write("parties.csv", Encoding.UTF8.GetBytes(MalformedInputFuzzTests.Parties));
        switch (reader)
        {
            case "classify":
                return (["classify", Write("chips.csv", bytes), "--format", "csv"], "chips.csv");
            case "match-pairs":
                return (["match-pairs", Write("pairs.csv", bytes)], "pairs.csv");
            case "screen":
                return (["screen", Write("input.csv", bytes), "--list", Write("custom.csv", Encoding.UTF8.GetBytes(Custom))], "input.csv");
            case "evaluate":
                return (["evaluate", Write("orders.json", bytes)], "orders.json");
            case "csl-json":
                return (["screen", Parties(), "--list", Write("consolidated.json", bytes)], "consolidated.json");
            case "dpl":
                return (["screen", Parties(), "--list", Write("dpl.txt", bytes)], "dpl.txt");
            case "custom":
                return (["screen", Parties(), "--list", Write("custom.csv", bytes)], "custom.csv");
            default:
                var sdn = Path.Combine(folder, "sdn");
                Directory.CreateDirectory(sdn);
                File.WriteAllBytes(Path.Combine(sdn, "sdn.csv"), bytes);
                return (["screen", Parties(), "--list", sdn], "sdn");
        }
    }
}
