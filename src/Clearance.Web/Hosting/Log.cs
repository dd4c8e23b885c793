namespace Clearance.Web.Hosting;

static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Database ready: {Provider}.")]
    public static partial void DatabaseReady(ILogger logger, string provider);

    [LoggerMessage(2, LogLevel.Warning, "First start: created user 'admin' with the one-time password {Password} — it is shown only now; sign in and keep it safe.")]
    public static partial void AdminCreatedWithGeneratedPassword(ILogger logger, string password);

    [LoggerMessage(3, LogLevel.Information, "First start: created user 'admin' with the password from CLEARANCE_ADMIN_PASSWORD.")]
    public static partial void AdminCreatedWithConfiguredPassword(ILogger logger);

    [LoggerMessage(6, LogLevel.Information, "Start finished: screening tables loaded in {LoadingMilliseconds} ms ({HanReadings} Han characters with Korean and Japanese readings, {HanWords} lexicon words, {LexiconEntries} entries of the word tables, {GivenNames} given names in variant groups); the heap collected and compacted in {CollectingMilliseconds} ms, {HeapMegabytes} MB live.")]
    public static partial void StartFinished(ILogger logger, long loadingMilliseconds, int hanReadings, int hanWords, int lexiconEntries, int givenNames,
        long collectingMilliseconds, long heapMegabytes);

    [LoggerMessage(5, LogLevel.Critical, "Refusing to start: the reference data cannot be loaded: {Problem}")]
    public static partial void ReferenceDataInvalid(ILogger logger, string problem);
}
