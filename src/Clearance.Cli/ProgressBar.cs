namespace Clearance.Cli;

/// <summary>
/// Progress of a long run on stderr: a bar redrawn in place on a terminal, one line per tenth of the work otherwise
/// (a log file or a CI console would otherwise collect a hundred carriage-return frames).
/// </summary>
sealed class ProgressBar(TextWriter error, int total, bool terminal)
{
    const int Width = 30;
    int _lastStep = -1;

    /// <summary>A progress bar on <paramref name="error"/>, redrawn in place only when it is the console's own stderr and that is a terminal.</summary>
    public static ProgressBar For(TextWriter error, int total) =>
        new(error, total, ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected);

    public void Report(int done)
    {
        var percent = (int)(100L * done / Math.Max(1, total));
        var step = terminal ? percent : percent / 10;
        if (step == _lastStep)
        {
            return;
        }

        _lastStep = step;
        if (terminal)
        {
            var filled = Width * percent / 100;
            error.Write($"\r[{new string('#', filled)}{new string(' ', Width - filled)}] {percent,3}% {done}/{total}");
        }
        else
        {
            error.WriteLine($"{percent,3}% {done}/{total}");
        }
    }

    public void Done()
    {
        if (terminal)
        {
            error.WriteLine();
        }
    }
}
