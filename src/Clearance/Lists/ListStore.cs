namespace Clearance.Lists;

/// <summary>Where lists live: downloaded CSL copies in a data directory, the shipped snapshots as the fallback.</summary>
/// <remarks>
/// The data directory is <c>CLEARANCE_LISTS_DIR</c> when set, else <c>clearance/lists</c> under the user's local
/// application-data folder. Each good download is kept in its own folder <c>csl-YYYYMMDDTHHMMSSZ</c>; the newest one is
/// used, and older ones are kept as the last good copies.
/// </remarks>
public sealed class ListStore(string dataDirectory, string shippedDirectory)
{
    public const string DataDirectoryVariable = "CLEARANCE_LISTS_DIR";
    const string DownloadPrefix = "csl-";
    const string DownloadFormat = "yyyyMMdd'T'HHmmss'Z'";

    public string DataDirectory { get; } = dataDirectory;

    public string ShippedDirectory { get; } = shippedDirectory;

    /// <summary>Where <see cref="ListCache"/> keeps the binary snapshot of the lists in use.</summary>
    public string CacheDirectory => Path.Combine(DataDirectory, "cache");

    /// <summary>The shipped snapshots screened by default (<see cref="ShippedLists.Default"/>).</summary>
    public IReadOnlyList<string> ShippedPaths => [.. ShippedLists.Default.Select(l => ShippedLists.PathOf(l, ShippedDirectory))];

    /// <summary>The newest downloaded CSL, with its download time, if any.</summary>
    public (string Path, DateTimeOffset DownloadedAt)? Newest() => Downloads().FirstOrDefault() is { Path: not null } d ? d : null;

    /// <summary>Downloaded CSL copies, newest first.</summary>
    public IReadOnlyList<(string Path, DateTimeOffset DownloadedAt)> Downloads()
    {
        if (!Directory.Exists(DataDirectory))
        {
            return [];
        }

        var found = new List<(string, DateTimeOffset)>();
        foreach (var folder in Directory.EnumerateDirectories(DataDirectory, DownloadPrefix + "*"))
        {
            var stamp = Path.GetFileName(folder)[DownloadPrefix.Length..];
            if (DateTimeOffset.TryParseExact(stamp, DownloadFormat, System.Globalization.CultureInfo.InvariantCulture,
                    System.Globalization.DateTimeStyles.AssumeUniversal, out var at))
            {
                foreach (var file in (string[])["consolidated.csv", "consolidated.json"])
                {
                    var path = Path.Combine(folder, file);
                    if (File.Exists(path))
                    {
                        found.Add((path, at));
                        break;
                    }
                }
            }
        }

        return [.. found.OrderByDescending(f => f.Item2)];
    }

    /// <summary>The lists screened when no <c>--list</c> is given: the newest download, else the shipped snapshots.</summary>
    public IReadOnlyList<string> DefaultPaths() => Newest() is { } newest ? [newest.Path] : ShippedPaths;

    /// <summary>The date a list file of this store is current on: a shipped snapshot's own date, a download's day (UTC);
    /// null for a file of neither kind (a <c>--list</c> given by the user).</summary>
    public DateOnly? AsOf(string path)
    {
        if (ShippedLists.At(path, ShippedDirectory) is { } shipped)
        {
            return shipped.AsOf;
        }

        var full = Path.GetFullPath(path);
        return Downloads().FirstOrDefault(d => string.Equals(Path.GetFullPath(d.Path), full, StringComparison.Ordinal)) is { Path: not null } download
            ? DateOnly.FromDateTime(download.DownloadedAt.UtcDateTime)
            : null;
    }

    /// <summary>The lists' versions with their dates, for the record of what a decision screened against.</summary>
    public IReadOnlyList<ListDate> Dates(ListSet set) =>
        [.. set.Lists.Select(l => new ListDate(l.Version, AsOf(l.Path)))];

    /// <summary>The folder a download made at <paramref name="at"/> is kept in.</summary>
    public string FolderFor(DateTimeOffset at) => Path.Combine(DataDirectory, DownloadPrefix + at.UtcDateTime.ToString(DownloadFormat,
        System.Globalization.CultureInfo.InvariantCulture));
}
