using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Clearance.Web.Tests;

/// <summary>Every log line the service writes, with its level and category, exceptions included as they would print.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    public ConcurrentQueue<(LogLevel Level, string Category, string Text)> Lines { get; } = new();

    event Action<(LogLevel Level, string Category, string Text)>? Logged;

    /// <summary>Completes once a line matching <paramref name="match"/> has been logged, before or after this call: a test
    /// waits on the service's own event instead of polling on a clock.</summary>
    public async Task WaitForAsync(Func<(LogLevel Level, string Category, string Text), bool> match, CancellationToken ct)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check((LogLevel Level, string Category, string Text) line)
        {
            if (match(line))
            {
                seen.TrySetResult();
            }
        }

        Logged += Check;
        try
        {
            if (!Lines.Any(match))
            {
                await seen.Task.WaitAsync(ct);
            }
        }
        finally
        {
            Logged -= Check;
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    sealed class Logger(CapturedLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = (logLevel, category, exception is null ? formatter(state, exception) : $"{formatter(state, exception)}\n{exception}");
            logs.Lines.Enqueue(line);
            logs.Logged?.Invoke(line);
        }
    }
}
