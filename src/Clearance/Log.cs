using Microsoft.Extensions.Logging;

namespace Clearance;

static partial class Log
{
    [LoggerMessage(1, LogLevel.Warning, "Restricted-party lists: {Message}")]
    public static partial void ListLoading(ILogger logger, string message);
}
