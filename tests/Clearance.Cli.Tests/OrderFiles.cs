namespace Clearance.Cli.Tests;

/// <summary>Runs the CLI in-process on order files and finds the golden and example orders.</summary>
static class OrderFiles
{
    public static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var run = await CliRun.Of(args);
        return (run.Exit, run.Output, run.Error);
    }

    public static string Golden(string file) => Path.Combine(AppContext.BaseDirectory, "Golden", file);

    public static string TempFile(string content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"clearance-test-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, content);
        return path;
    }
}
