using Clearance.Lists;
using Clearance.Parties;

namespace Clearance.Web.Lists;

/// <summary>Runs the re-screening passes in the background: at start, a full pass when the parties were screened by
/// another screening build (<see cref="ScreeningPasses.EnsureBuildAsync"/>); then, every <c>Lists:PollSeconds</c>
/// (default 10), any unfinished pass this instance may take: one of its own that stopped on an error, one left by a
/// restart, or one whose process went silent (<see cref="ScreeningPasses.Lease"/>). Progress is in
/// <c>GET /api/lists/current</c>.</summary>
public sealed partial class ScreeningPassRunner(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<ScreeningPassRunner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = Math.Max(0.1, configuration.GetValue("Lists:PollSeconds", 10.0));
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds));
        var buildChecked = false;
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var passes = scope.ServiceProvider.GetRequiredService<ScreeningPasses>();
                if (!buildChecked)
                {
                    if (await passes.EnsureBuildAsync(ScreeningBuild.Current, stoppingToken) is { FinishedAt: null } started)
                    {
                        FullPassStarted(logger, started.Id, started.Reason);
                    }

                    buildChecked = true;
                }

                if ((await passes.OpenAsync(stoppingToken)).Count > 0)
                {
                    // Screen against the database's current lists: a pass left by another instance may follow a newer version.
                    await scope.ServiceProvider.GetRequiredService<ListVersions>().RefreshAsync(stoppingToken);
                    await passes.ResumeAsync(ScreeningPasses.ThisProcess, stoppingToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                RunFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(20, LogLevel.Information, "Full re-screening pass {Pass} started in the background: {Reason}.")]
    static partial void FullPassStarted(ILogger logger, long pass, string reason);

    [LoggerMessage(21, LogLevel.Error, "Could not check or resume the re-screening passes; trying again at the next poll.")]
    static partial void RunFailed(ILogger logger, Exception exception);
}
