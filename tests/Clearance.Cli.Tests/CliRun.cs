namespace Clearance.Cli.Tests;

sealed record CliRun(int Exit, string Output, string Error)
{
    public static async Task<CliRun> Of(params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var exit = await CliApp.RunAsync(args, output, error);
        return new CliRun(exit, output.ToString(), error.ToString());
    }

    public static string Catalog => Path.Combine(ClearanceData.DefaultDirectory, "chips.csv");

    public static string TempCsv(string content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"clearance-test-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, content);
        return path;
    }
}
