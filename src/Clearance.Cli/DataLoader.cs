namespace Clearance.Cli;

/// <summary>Loads the shipped reference data, turning an incomplete installation into a message.</summary>
static class DataLoader
{
    public static ClearanceData? TryLoad(TextWriter error)
    {
        var options = ClearanceDataOptions.Default;
        var directory = options.DataDirectory;
        try
        {
            return ClearanceData.Load(options);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            error.WriteLine($"{directory}: cannot load the reference data: {e.Message}");
            return null;
        }
    }
}
