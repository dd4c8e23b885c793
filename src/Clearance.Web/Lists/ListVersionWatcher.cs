using Clearance.Lists;

namespace Clearance.Web.Lists;

/// <summary>Polls the database's list generation and rebuilds this instance's screening index when another instance
/// imported a version (<c>Lists:PollSeconds</c>, default 10).</summary>
public sealed partial class ListVersionWatcher(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<ListVersionWatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A zero or negative setting would make the timer throw; a tenth of a second is the shortest poll.
        var seconds = Math.Max(0.1, configuration.GetValue("Lists:PollSeconds", 10.0));
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                if (await scope.ServiceProvider.GetRequiredService<ListVersions>().RefreshAsync(stoppingToken))
                {
                    Rebuilt(logger, scope.ServiceProvider.GetRequiredService<ScreeningLists>().Current.Generation);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                RefreshFailed(logger, e);
            }
        }
    }

    [LoggerMessage(10, LogLevel.Information, "List version {Generation} is current: screening index rebuilt from the database.")]
    static partial void Rebuilt(ILogger logger, long generation);

    [LoggerMessage(11, LogLevel.Error, "Could not check the database's list version; screening continues on the index built before.")]
    static partial void RefreshFailed(ILogger logger, Exception exception);
}
