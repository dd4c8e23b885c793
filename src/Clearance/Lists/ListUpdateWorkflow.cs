using Microsoft.Extensions.Logging;

namespace Clearance.Lists;

/// <summary>
/// Updates the service's lists from the published Consolidated Screening List: downloads it from
/// <see cref="ListUpdateOptions.Sources"/> and validates it as <see cref="ListUpdater"/> does, measured against the
/// <c>csl</c> entries in use, then imports the good copy as a new <c>csl</c> version through <see cref="ListVersions"/>
/// (delta, re-screening, and the guard against a version that removes too much).
/// </summary>
public sealed class ListUpdateWorkflow(ListVersions versions, ScreeningLists lists, ClearanceData data, ListUpdateOptions options,
    TimeProvider clock, ILogger<ListUpdateWorkflow> logger)
{
    /// <param name="importedBy">The user the new version is recorded as imported by.</param>
    /// <param name="http">Downloads the list; the host sets its timeout and logging.</param>
    /// <param name="ct">Cancels the download and the import.</param>
    public async Task<ListUpdateOutcome> UpdateAsync(string importedBy, HttpClient http, CancellationToken ct)
    {
        var current = lists.Current;
        var inUse = current.Set.Lists.Where((_, i) => current.Sources[i] == ListVersions.Csl).Sum(l => l.Entries.Count);
        // The download is kept only until it is imported: the versions live in the database, not in a list store.
        var folder = Path.Combine(Path.GetTempPath(), $"clearance-update-{Guid.NewGuid():N}");
        try
        {
            var store = new ListStore(folder, data.Options.ShippedListsDirectory);
            var download = await new ListUpdater(http, store, data.Countries, clock).UpdateAsync(options.Sources, ct, inUse);
            if (!download.Updated || download.Path is null)
            {
                Log.ListUpdateFailed(logger, string.Join("; ", download.Messages));
                return new ListUpdateOutcome(download.Messages, null);
            }

            var import = await versions.ImportAsync(importedBy, ListVersions.Csl, Path.GetFileName(download.Path), await File.ReadAllBytesAsync(download.Path, ct), ct);
            return new ListUpdateOutcome(download.Messages, import);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
