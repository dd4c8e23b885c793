using Spectre.Console;

namespace Clearance.Cli;

/// <summary>Progress of a long run, drawn by Spectre.Console on stderr when stderr is a terminal; quiet otherwise, so a log
/// file or a CI console collects no progress frames.</summary>
static class ProgressBar
{
    /// <summary>Runs <paramref name="work"/> with a progress reporter (items done, of <paramref name="total"/>) that draws
    /// on <paramref name="error"/> only when it is the console's own stderr and that is a terminal.</summary>
    public static T Run<T>(TextWriter error, int total, string description, Func<IProgress<int>?, T> work)
    {
        if (!ReferenceEquals(error, Console.Error) || Console.IsErrorRedirected)
        {
            return work(null);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask(Markup.Escape(description), maxValue: total);
                return work(new TaskProgress(task));
            });
    }

    sealed class TaskProgress(ProgressTask task) : IProgress<int>
    {
        public void Report(int value) => task.Value = value;
    }
}
