namespace Clearance.Cli.Tests;

/// <summary>Runs the CLI in-process and captures what it writes.</summary>
static class Cli
{
    public static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CliApp.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    public static string Golden(string file) => Path.Combine(AppContext.BaseDirectory, "Golden", file);

    public static string TempFile(string content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"clearance-test-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, content);
        return path;
    }
}
