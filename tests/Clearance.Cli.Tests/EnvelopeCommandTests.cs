namespace Clearance.Cli.Tests;

public sealed class EnvelopeCommandTests
{
    [Theory]
    [InlineData("814", "yes", "2026-03-01", "envelope-814-datacenter-2026-03-01.txt")]
    [InlineData("608", "no", "2026-03-01", "envelope-608-non-datacenter-2026-03-01.txt")]
    [InlineData("814", "yes", "2023-06-01", "envelope-814-datacenter-2023-06-01.txt")]
    public async Task Envelope_matches_the_golden_output(string area, string datacenter, string date, string golden)
    {
        var run = await CliRun.Of("envelope", "--die-area", area, "--datacenter", datacenter, "--as-of", date);
        Assert.Equal(0, run.Exit);
        Golden.AssertMatches(golden, run.Output);
    }
}
