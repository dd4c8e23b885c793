using Clearance.Input;

namespace Clearance.Tests.Input;

public sealed class InputProblemTests
{
    [Fact]
    public void Prints_the_file_then_where_then_the_field_then_the_message()
    {
        Assert.Equal("chips.csv: cannot read the file: gone", InputProblem.InFile("chips.csv", "cannot read the file: gone").ToString());
        Assert.Equal("list.csv:7: column 'name' is empty", InputProblem.AtLine("list.csv", 7, "column 'name' is empty").ToString());
        Assert.Equal("chips.csv:4: column 'tpp': 'x' is not a number", InputProblem.AtLine("chips.csv", 4, "'x' is not a number", "tpp").ToString());
        Assert.Equal("orders.json: $[1].lines[0].item: missing", InputProblem.AtPath("orders.json", "$[1].lines[0].item", "missing").ToString());
        Assert.Equal("orders.json: line 3, byte 9: invalid JSON: x", InputProblem.InvalidJson("orders.json", 3, 9, "invalid JSON: x").ToString());
    }

    [Fact]
    public void Locates_a_JSON_problem_by_its_path_or_by_line_and_byte()
    {
        Assert.Equal("$[0].id", InputProblem.AtPath("o", "$[0].id", "m").Location);
        Assert.Equal("line 3, byte 9", InputProblem.InvalidJson("o", 3, 9, "m").Location);
        Assert.Equal("line 2", InputProblem.AtLine("o", 2, "m").Location);
    }
}
