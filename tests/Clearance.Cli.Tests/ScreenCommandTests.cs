using System.Text;

namespace Clearance.Cli.Tests;

public sealed class ScreenCommandTests : IDisposable
{
    readonly string _folder = Path.Combine(Path.GetTempPath(), "clearance-cli-" + Guid.NewGuid().ToString("N"));
    readonly string _list;

    public ScreenCommandTests()
    {
        Directory.CreateDirectory(_folder);
        _list = Write("own-list.csv", "id,name,aliases,country,list\nL1,Huawei Technologies Co. Ltd.,华为技术有限公司;HUAWEI TECH,CN,test list\nL2,Acme Trading,,US,test list\n");
    }

    string Write(string name, string content) => WriteBytes(name, Encoding.UTF8.GetBytes(content));

    string WriteBytes(string name, byte[] content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    static async Task<(int Exit, string Output, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CliApp.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Screens_a_batch_with_the_contract_header_and_one_row_per_party()
    {
        var input = Write("parties.csv", "id,name,country\n1,HUAWEI TECHNOLOGIES CO LTD,CN\n2,华为技术有限公司,\n3,Completely Unrelated Bakery,FR\n");
        var (exit, output, error) = await Run("screen", input, "--list", _list);
        Assert.True(exit == 0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id,name,decision,score,list,entry_id,entry_name,matched_name,explanation", lines[0].TrimEnd('\r'));
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("1,HUAWEI TECHNOLOGIES CO LTD,hit,", lines[1], StringComparison.Ordinal);
        Assert.Contains(",test list,L1,", lines[1], StringComparison.Ordinal);
        Assert.Contains("/own-list.csv sha256:", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("2,华为技术有限公司,hit,1.0000,", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("3,Completely Unrelated Bakery,clear,", lines[3], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("json")]
    public async Task Gives_a_row_repeating_an_earlier_party_the_same_result_as_screening_that_party_alone(string format)
    {
        // Parties differing only in country, type or address are different queries and must not share a result; the
        // repeats are spread over many of the screen's batches and come before and after each other.
        string[] parties =
        [
            "Acme Trading,US,,", "Acme Trading,CN,,", "Acme Trading,US,individual,", "Acme Trading,US,,1 Main Street Shenzhen",
            "Acme Tradng,US,,", "华为技术有限公司,,,", "HUAWEI TECHNOLOGIES CO LTD,CN,,", "Completely Unrelated Bakery,FR,,",
        ];
        var alone = new List<string>();
        foreach (var party in parties)
        {
            var one = await Run("screen", Write("one.csv", "id,name,country,type,address\nx," + party + "\n"), "--list", _list, "--format", format);
            Assert.True(one.Exit == 0, one.Error);
            alone.Add(one.Output);
        }

        Assert.NotEqual(alone[0], alone[1]);
        var rows = new StringBuilder("id,name,country,type,address\n");
        var order = new List<int>();
        for (var i = 0; i < 600; i++)
        {
            var party = (i * 7 + (i / 50)) % parties.Length;
            order.Add(party);
            rows.Append("x,").Append(parties[party]).Append('\n');
        }

        var all = await Run("screen", Write("repeats.csv", rows.ToString()), "--list", _list, "--format", format);
        Assert.True(all.Exit == 0, all.Error);
        if (format == "csv")
        {
            var lines = all.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(order.Count + 1, lines.Length);
            for (var r = 0; r < order.Count; r++)
            {
                Assert.Equal(alone[order[r]].Split('\n', StringSplitOptions.RemoveEmptyEntries)[1], lines[r + 1]);
            }
        }
        else
        {
            using var document = System.Text.Json.JsonDocument.Parse(all.Output);
            var results = document.RootElement.EnumerateArray().ToList();
            Assert.Equal(order.Count, results.Count);
            for (var r = 0; r < order.Count; r++)
            {
                using var single = System.Text.Json.JsonDocument.Parse(alone[order[r]]);
                Assert.Equal(single.RootElement[0].GetRawText(), results[r].GetRawText());
            }
        }
    }

    [Fact]
    public async Task Is_quiet_about_the_progress_of_a_long_batch_when_stderr_is_not_a_terminal()
    {
        var rows = new StringBuilder("id,name\n");
        for (var i = 0; i < 20_000; i++)
        {
            rows.Append(i).Append(",Party ").Append(i).Append('\n');
        }

        var (exit, _, error) = await Run("screen", Write("many.csv", rows.ToString()), "--list", _list);
        Assert.True(exit == 0, error);
        Assert.DoesNotContain("20000", error, StringComparison.Ordinal);
        Assert.DoesNotContain('%', error);
    }

    [Fact]
    public async Task Writes_up_to_K_candidates_per_party_and_JSON_on_request()
    {
        var input = Write("parties.csv", "id,name\n1,Huawei Trading\n");
        var top = await Run("screen", input, "--list", _list, "--top", "2");
        Assert.Equal(3, top.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        var json = await Run("screen", input, "--list", _list, "--format", "json");
        Assert.Equal(0, json.Exit);
        Assert.Contains("\"listVersion\"", json.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Labels_the_best_candidate_of_a_clear_row_as_the_nearest_below_the_threshold_in_JSON_and_table()
    {
        var input = Write("parties.csv", "id,name\n1,Acme Holdings Trust\n2,Acme Trading\n");
        var json = await Run("screen", input, "--list", _list, "--format", "json", "--threshold", "0.9");
        Assert.True(json.Exit == 0, json.Error);
        using var document = System.Text.Json.JsonDocument.Parse(json.Output);
        var clear = document.RootElement[0];
        Assert.Equal("clear", clear.GetProperty("decision").GetString());
        Assert.Equal(0.9, clear.GetProperty("threshold").GetDouble());
        Assert.Equal("nearest candidate below the threshold 0.9, not a finding", clear.GetProperty("matches")[0].GetProperty("label").GetString());
        Assert.StartsWith("hit", document.RootElement[1].GetProperty("matches")[0].GetProperty("label").GetString(), StringComparison.Ordinal);

        var table = await Run("screen", input, "--list", _list, "--format", "table", "--threshold", "0.9");
        Assert.True(table.Exit == 0, table.Error);
        var lines = table.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal("1  Acme Holdings Trust  clear", lines[0]);
        Assert.StartsWith("    nearest candidate below the threshold 0.9, not a finding: Acme Trading (test list L2), score 0.", lines[1], StringComparison.Ordinal);
        Assert.Equal("2  Acme Trading  HIT", lines[3]);
        Assert.StartsWith("    hit: score at or above the threshold 0.9: Acme Trading (test list L2), score 1.0000", lines[4], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reads_mixed_scripts_and_control_characters_as_the_name_they_hide()
    {
        var input = Write("parties.csv", "id,name\n1,\"Hu\u0430wei\u200B Tech\u0007nologies\"\n2,ＨＵＡＷＥＩ ＴＥＣＨ\n");
        var (exit, output, _) = await Run("screen", input, "--list", _list);
        Assert.Equal(0, exit);
        Assert.Equal(2, output.Split('\n').Count(l => l.Contains(",hit,", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("id,title\n1,x\n", ":1: column 'name' is missing")]
    [InlineData("id,name\n1,Good\n2,\"Open quote\n3,Next\n", ":3: stray or unbalanced quote")]
    [InlineData("id,name\n1,Good\n2,\n", ":3: column 'name' is empty")]
    [InlineData("id,name,type\n1,Good,robot\n", ":2: column 'type': 'robot'")]
    [InlineData("", ":1: the file is empty")]
    public async Task Refuses_malformed_input_naming_file_and_line(string content, string message)
    {
        var input = Write("bad.csv", content);
        var (exit, _, error) = await Run("screen", input, "--list", _list);
        Assert.Equal(2, exit);
        Assert.Contains(input + message, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuses_a_10_MB_name_quickly_with_its_line()
    {
        var input = Write("huge.csv", "id,name\n1,Good\n2," + new string('A', 10 * 1024 * 1024) + "\n");
        var started = System.Diagnostics.Stopwatch.StartNew();
        var (exit, _, error) = await Run("screen", input, "--list", _list);
        Assert.Equal(2, exit);
        Assert.Contains(input + ":3: column 'name' is 10485760 characters long", error, StringComparison.Ordinal);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(30), started.Elapsed.ToString());
    }

    [Fact]
    public async Task Refuses_a_file_in_the_wrong_encoding_with_its_line()
    {
        var input = WriteBytes("latin1.csv", [.. "id,name\n1,Good\n2,Soci"u8, 0xE9, .. "t\u00E9\n"u8]);
        var (exit, _, error) = await Run("screen", input, "--list", _list);
        Assert.Equal(2, exit);
        Assert.Contains("not valid UTF-8", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reads_UTF16_with_a_byte_order_mark()
    {
        var input = WriteBytes("utf16.csv", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("id,name\n1,Acme Trading\n")]);
        var (exit, output, _) = await Run("screen", input, "--list", _list);
        Assert.Equal(0, exit);
        Assert.Contains("1,Acme Trading,hit,1.0000", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_malformed_list_rows_with_their_count_and_lines()
    {
        var list = Write("broken-list.csv", "id,name,aliases,country,list\nL1,Acme Trading,,,x\nL2,,,,x\nL3,\"Bad\"quote,,,x\n");
        var input = Write("parties.csv", "id,name\n1,Acme Trading\n");
        var (exit, _, error) = await Run("screen", input, "--list", list);
        Assert.Equal(0, exit);
        Assert.Contains("2 malformed row(s) skipped", error, StringComparison.Ordinal);
        Assert.Contains(list + ":3: column 'name' is empty", error, StringComparison.Ordinal);
        Assert.Contains(list + ":4:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuses_a_list_of_unknown_format()
    {
        var list = Write("what.csv", "a,b\n1,2\n");
        var input = Write("parties.csv", "id,name\n1,Acme\n");
        var (exit, _, error) = await Run("screen", input, "--list", list);
        Assert.Equal(2, exit);
        Assert.Contains("unknown list format", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scores_pairs_keeping_the_input_columns()
    {
        var input = Write("pairs.csv", "name1,name2,schema\nOlaf Scholz,Olaf Scholze,Person\nOctavian Scholz,Olaf Scholz,Person\n");
        var (exit, output, _) = await Run("match-pairs", input);
        Assert.Equal(0, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Equal("name1,name2,schema,score,decision", lines[0]);
        Assert.EndsWith(",match", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",no-match", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Match_pairs_refuses_a_schema_it_does_not_know_naming_file_line_and_column()
    {
        var input = Write("pairs.csv", "name1,name2,schema\nOlaf Scholz,Olaf Scholze,Person\nAcme,Acme Ltd,Thing\n");
        var (exit, output, error) = await Run("match-pairs", input);
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.StartsWith($"{input}:3: column 'schema': 'Thing' is not one of individual, person, entity, company,", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Company")]
    [InlineData("LegalEntity")]
    [InlineData("vessel")]
    [InlineData("")]
    public async Task Screen_and_match_pairs_accept_the_same_party_type_words(string type)
    {
        var parties = Write("parties.csv", $"id,name,type\n1,Acme Trading,{type}\n");
        var pairs = Write("pairs.csv", $"name1,name2,schema\nAcme Trading,Acme Trading Co,{type}\n");
        Assert.Equal(0, (await Run("screen", parties, "--list", _list)).Exit);
        Assert.Equal(0, (await Run("match-pairs", pairs)).Exit);
    }

    [Theory]
    [InlineData("individual")]
    [InlineData("PERSON")]
    public async Task Match_pairs_reads_any_spelling_of_a_person_as_screen_does(string schema)
    {
        // Word order counts differently for people, so a person's score differs from an unknown party's here.
        async Task<string> Score(string type) =>
            (await Run("match-pairs", Write("pairs.csv", $"name1,name2,schema\nOlaf Scholz,Scholz Olaf,{type}\n"))).Output.Split('\n')[1].Split(',')[3];
        Assert.Equal(await Score("Person"), await Score(schema));
        Assert.NotEqual(await Score("Person"), await Score(""));
    }

    [Fact]
    public async Task Describes_lists_with_counts_and_hash()
    {
        var (exit, output, _) = await Run("lists", "info", "--list", _list);
        Assert.Equal(0, exit);
        Assert.Contains("entries: 2, aliases: 2, malformed rows: 0", output, StringComparison.Ordinal);
        Assert.Contains("sha256: ", output, StringComparison.Ordinal);
        Assert.Contains("  format: custom, version: ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Describes_the_shipped_lists_with_their_formats_in_kebab_case()
    {
        var (exit, output, _) = await Run("lists", "info");
        Assert.Equal(0, exit);
        var formats = output.Split('\n').Where(l => l.StartsWith("  format: ", StringComparison.Ordinal))
            .Select(l => l["  format: ".Length..l.IndexOf(',', StringComparison.Ordinal)]).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(["csl-csv", "ofac-sdn-json", "party-list-json"], formats);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
