using Clearance.Lists;
using Clearance.Orders;

namespace Clearance.Cli;

/// <summary>Loads the shipped reference data, turning an incomplete installation into a message.</summary>
static class DataLoader
{
    public static ClearanceData? TryLoad(TextWriter error) => Try(ClearanceData.Load, error);

    /// <summary>What reading the restricted-party lists needs of the reference data: the country codes (a command that
    /// only screens does not pay for loading the regulation and the catalog) and where the lists are; null when they
    /// cannot be loaded, the problem written.</summary>
    public static ListData? TryLoadListData(TextWriter error) =>
        Try(options => new ListData(ClearanceData.LoadCountries(options), options.Lists), error);

    static T? Try<T>(Func<ClearanceDataOptions, T> load, TextWriter error)
        where T : class
    {
        var options = ClearanceDataOptions.Default;
        try
        {
            return load(options);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            error.WriteLine($"{options.DataDirectory}: cannot load the reference data: {e.Message}");
            return null;
        }
    }
}

/// <param name="Countries">The country codes that country names in the lists are read as.</param>
/// <param name="Store">Where the downloaded and shipped lists and their cache are.</param>
sealed record ListData(CountryCodes Countries, ListStore Store);
