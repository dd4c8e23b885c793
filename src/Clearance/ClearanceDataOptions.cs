using Clearance.Lists;
using Microsoft.Extensions.Configuration;

namespace Clearance;

/// <summary>Where the shipped data and the downloaded restricted-party lists are: the options of the one loader,
/// <see cref="ClearanceData.Load(ClearanceDataOptions)"/>.</summary>
/// <param name="DataDirectory">The shipped data: <c>rules/*.json</c>, <c>chips.csv</c>, <c>vendors.csv</c>, the list
/// snapshots in <c>lists/</c>. Default: <c>data</c> next to the running binary.</param>
/// <param name="ListsDirectory">Downloaded list copies and the list cache. Default: <c>$CLEARANCE_LISTS_DIR</c>, else
/// <c>clearance/lists</c> under the local application-data folder.</param>
public sealed record ClearanceDataOptions(string DataDirectory, string ListsDirectory)
{
    /// <summary>The configuration key of <see cref="DataDirectory"/>.</summary>
    public const string DataDirectoryKey = "Data:Directory";

    /// <summary>The configuration key of <see cref="ListsDirectory"/>.</summary>
    public const string ListsDirectoryKey = "Lists:Directory";

    /// <summary>The defaults for this machine.</summary>
    public static ClearanceDataOptions Default => new(
        ClearanceData.DefaultDirectory,
        Environment.GetEnvironmentVariable(ListStore.DataDirectoryVariable) is { Length: > 0 } dir ? dir
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify),
                "clearance", "lists"));

    /// <summary>The defaults, with <see cref="DataDirectoryKey"/> and <see cref="ListsDirectoryKey"/> from configuration when set.</summary>
    public static ClearanceDataOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var defaults = Default;
        return new(
            configuration[DataDirectoryKey] is { Length: > 0 } data ? data : defaults.DataDirectory,
            configuration[ListsDirectoryKey] is { Length: > 0 } lists ? lists : defaults.ListsDirectory);
    }

    /// <summary>The shipped list snapshots.</summary>
    public string ShippedListsDirectory => Path.Combine(DataDirectory, "lists");

    /// <summary>The list store these options name: downloads in <see cref="ListsDirectory"/>, snapshots in <see cref="ShippedListsDirectory"/>.</summary>
    public ListStore Lists => new(ListsDirectory, ShippedListsDirectory);
}
