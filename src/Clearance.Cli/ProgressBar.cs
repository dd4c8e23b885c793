namespace Clearance.Cli;

/// <summary>A one-line progress bar on stderr.</summary>
sealed class ProgressBar(TextWriter error, int total)
{
    const int Width = 30;
    int _lastPercent = -1;

    public void Report(int done)
    {
        var percent = (int)(100L * done / Math.Max(1, total));
        if (percent == _lastPercent)
        {
            return;
        }

        _lastPercent = percent;
        var filled = Width * percent / 100;
        error.Write($"\r[{new string('#', filled)}{new string(' ', Width - filled)}] {percent,3}% {done}/{total}");
    }

    public void Done() => error.WriteLine();
}
