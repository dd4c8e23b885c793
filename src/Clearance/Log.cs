using Microsoft.Extensions.Logging;

namespace Clearance;

static partial class Log
{
    [LoggerMessage(1, LogLevel.Warning, "Restricted-party lists: {Message}")]
    public static partial void ListLoading(ILogger logger, string message);

    [LoggerMessage(2, LogLevel.Warning, "List update failed, the lists in use stay: {Cause}")]
    public static partial void ListUpdateFailed(ILogger logger, string cause);
}
