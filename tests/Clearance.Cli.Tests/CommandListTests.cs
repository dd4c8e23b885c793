namespace Clearance.Cli.Tests;

public sealed class CommandListTests
{
    [Fact]
    public async Task Running_with_no_arguments_prints_every_command_and_exits_0()
    {
        var run = await CliRun.Of();
        Assert.Equal(0, run.Exit);
        Assert.Equal("", run.Error);
        Assert.Contains("Usage:\n  clearance [command] [options]", run.Output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        foreach (var command in (string[])["audit", "classify", "envelope", "evaluate", "screen", "match-pairs", "lists"])
        {
            Assert.Contains($"\n  {command} ", run.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Help_names_the_command_people_type()
    {
        var run = await CliRun.Of("classify", "--help");
        Assert.Equal(0, run.Exit);
        Assert.Contains("clearance classify <FILE> [options]", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_command_group_without_its_subcommand_is_still_a_usage_error()
    {
        var run = await CliRun.Of("audit");
        Assert.Equal(2, run.Exit);
        Assert.Contains("Required command was not provided", run.Error, StringComparison.Ordinal);
    }
}
