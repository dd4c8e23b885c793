using System.Text;
using Clearance.Input;

namespace Clearance.Tests.Input;

public sealed class CsvTableTests
{
    [Fact]
    public void Finds_columns_by_name_in_any_order_trimmed_and_the_first_of_a_name_written_twice()
    {
        using var table = new CsvTable(new StringReader("\uFEFF b , a,b\n1,2,3\n"), "in.csv");
        Assert.True(table.ReadHeader(out var problem));
        Assert.Null(problem);
        Assert.Equal(["b", "a", "b"], table.Header);
        Assert.Equal(1, table.IndexOf("a"));
        Assert.Equal(0, table.IndexOf("b"));
        Assert.Equal(2, table.SecondIndexOf("b"));
        Assert.Equal(-1, table.SecondIndexOf("a"));
        Assert.Equal(-1, table.IndexOf("A"));
        Assert.Equal("c", table.FirstMissing(["a", "c", "d"]));
        var problems = new List<InputProblem>();
        var (line, fields) = Assert.Single(table.Rows(problems));
        Assert.Equal(2, line);
        Assert.Equal("2", CsvTable.Field(fields, table.IndexOf("a")));
        Assert.Equal("", CsvTable.Field(fields, table.IndexOf("missing")));
        Assert.Empty(problems);
    }

    [Fact]
    public void Matches_header_names_whatever_their_case_when_asked()
    {
        using var table = new CsvTable(new StringReader("ID\tName\n1\tA\n"), "in.tsv", '\t', ignoreCase: true);
        Assert.True(table.ReadHeader(out _));
        Assert.Equal(1, table.IndexOf("name"));
        Assert.Equal(0, table.IndexOf("Id"));
    }

    [Fact]
    public void An_empty_file_has_no_header_and_no_problem()
    {
        using var table = new CsvTable(new StringReader(""), "in.csv");
        Assert.False(table.ReadHeader(out var problem));
        Assert.Null(problem);
    }

    [Fact]
    public void A_stray_quote_in_the_header_is_a_problem_on_line_1()
    {
        using var table = new CsvTable(new StringReader("name,\"tpp\"x\n"), "in.csv");
        Assert.False(table.ReadHeader(out var problem));
        Assert.StartsWith("in.csv:1: stray or unbalanced quote near '", problem!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_bad_rows_with_the_line_they_start_on_and_keeps_reading()
    {
        var text = "id,name\n1,\"Multi\nline\"\n2,\"Chip\"A\n3,\"a\nb\nc\"\n4,x\n";
        using var table = new CsvTable(new StringReader(text), "in.csv");
        Assert.True(table.ReadHeader(out _));
        var problems = new List<InputProblem>();
        var rows = table.Rows(problems, maxLinesPerRow: 2).ToList();
        Assert.Equal([(2L, "Multi line"), (8L, "x")], rows.Select(r => (r.Line, r.Fields[1])));
        Assert.Equal(2, problems.Count);
        Assert.StartsWith("in.csv:4: stray or unbalanced quote near '", problems[0].ToString(), StringComparison.Ordinal);
        Assert.Equal("in.csv:5: unbalanced quote: a field runs over lines 5-7", problems[1].ToString());
    }

    [Fact]
    public void Bytes_that_are_not_UTF8_stop_the_table_with_one_problem()
    {
        // Enough good rows before the bad bytes that the decoder meets them after the header.
        var good = "id,name\n" + string.Concat(Enumerable.Range(1, 5000).Select(i => $"{i},A\n"));
        var bytes = Encoding.UTF8.GetBytes(good + "0,").Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.UTF8.GetBytes("\n3,C\n")).ToArray();
        using var table = new CsvTable(CsvTable.OpenText(new MemoryStream(bytes)), "in.csv");
        Assert.True(table.ReadHeader(out _));
        var problems = new List<InputProblem>();
        var rows = table.Rows(problems).ToList();
        Assert.Equal(CsvTable.NotUtf8, Assert.Single(problems).Message);
        Assert.Same(problems[0], table.Unreadable);
        Assert.InRange(rows.Count, 1, 5000);
        Assert.Equal(rows[^1].Line + 1, problems[0].Line);
        Assert.False(table.Read(out _));
    }
}
