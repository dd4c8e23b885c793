using Clearance.Orders;

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

    /// <summary>Only the country codes of the reference data, which reading the lists needs (a command that screens
    /// does not pay for loading the regulation and the catalog); null when they cannot be loaded, the problem written.</summary>
    public static CountryCodes? TryLoadCountries(ClearanceDataOptions options, TextWriter error)
    {
        try
        {
            return ClearanceData.LoadCountries(options);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            error.WriteLine($"{options.DataDirectory}: cannot load the reference data: {e.Message}");
            return null;
        }
    }
}
