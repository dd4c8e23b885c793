using System.Net.Http.Headers;
using Clearance.Orders;
using Clearance.Rules;

namespace Clearance.Lists;

/// <summary>Downloads the current Consolidated Screening List, validates it, and keeps the last good copies.</summary>
/// <remarks>
/// A download counts only when it arrives whole (the announced length, no broken connection), parses as a CSL with at
/// least <c>minimumEntries</c> entries, has at most 1% malformed rows, and does not shrink below 90% of the copy in use
/// (trade.gov's CSV downloads have been seen to stop part-way since 2026-05; a cut file parses but is short). The copy
/// in use is the newest good download or, before the first, the shipped snapshots (all their entries: a CSL replaces them all).
/// </remarks>
/// <param name="http">Downloads the list.</param>
/// <param name="store">Where the copies are kept.</param>
/// <param name="countries">The country codes that country names in the lists are read as (<see cref="ClearanceData.Countries"/>).</param>
/// <param name="clock">Dates the copies.</param>
/// <param name="minimumEntries">A download with fewer entries is refused.</param>
public sealed class ListUpdater(HttpClient http, ListStore store, CountryCodes countries, TimeProvider clock, int minimumEntries = 1000)
{
    const int KeptCopies = 3;
    const double MinimumShareOfPrevious = 0.9;
    const double MaximumMalformedShare = 0.01;

    /// <summary>trade.gov's published bulk file URLs, tried in order.</summary>
    public static readonly IReadOnlyList<Uri> DefaultSources =
    [
        new("https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.csv"),
        new("https://api.trade.gov/static/consolidated_screening_list/consolidated.csv"),
    ];

    /// <param name="sources">Tried in order until one gives a good copy.</param>
    /// <param name="inUseEntries">The entries of the copy in use when the caller knows them (the service's current
    /// lists); else they are counted from the store's default lists.</param>
    /// <param name="ct">Cancels the download.</param>
    public async Task<ListUpdateResult> UpdateAsync(IReadOnlyList<Uri> sources, CancellationToken ct, int? inUseEntries = null)
    {
        var messages = new List<string>();
        Directory.CreateDirectory(store.DataDirectory);
        var previous = store.Newest();
        var previousCount = inUseEntries ?? 0;
        if (inUseEntries is null)
        {
            try
            {
                previousCount = store.DefaultPaths().Where(path => File.Exists(path) || Directory.Exists(path)).Sum(path => ListLoader.Load(path, countries).Entries.Count);
            }
            catch (ListFormatException e)
            {
                messages.Add($"the copy in use cannot be read: {e.Message}");
            }
        }

        foreach (var source in sources)
        {
            var partial = Path.Combine(store.DataDirectory, $".partial-{Guid.NewGuid():N}");
            try
            {
                var (ok, message, path, count) = await TryAsync(source, partial, previousCount, ct);
                messages.Add(message);
                if (ok)
                {
                    Prune();
                    return new ListUpdateResult(true, path, count, messages);
                }
            }
            finally
            {
                if (File.Exists(partial))
                {
                    File.Delete(partial);
                }
            }
        }

        return new ListUpdateResult(false, previous?.Path, previousCount, messages);
    }

    async Task<(bool Ok, string Message, string? Path, int Count)> TryAsync(Uri source, string partial, int previousCount, CancellationToken ct)
    {
        long expected;
        long received;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, source);
            request.Headers.UserAgent.Add(new ProductInfoHeaderValue("Clearance", "1.0"));
            request.Headers.UserAgent.Add(new ProductInfoHeaderValue("(restricted-party screening)"));
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            if (!response.IsSuccessStatusCode)
            {
                return (false, $"{source}: HTTP {(int)response.StatusCode} {response.ReasonPhrase}", null, 0);
            }

            expected = response.Content.Headers.ContentLength ?? -1;
            await using (var file = File.Create(partial))
            {
                await using var body = await response.Content.ReadAsStreamAsync(ct);
                await body.CopyToAsync(file, ct);
                received = file.Length;
            }
        }
        catch (HttpRequestException e)
        {
            return (false, $"{source}: download failed ({e.Message})", null, 0);
        }
        catch (IOException e)
        {
            return (false, $"{source}: download cut off ({e.Message})", null, 0);
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return (false, $"{source}: download timed out", null, 0);
        }

        if (expected >= 0 && received != expected)
        {
            return (false, $"{source}: truncated: received {received} of {expected} bytes", null, 0);
        }

        var at = clock.GetUtcNow();
        var folder = store.FolderFor(at);
        var isJson = FirstSignificantByte(partial) is (byte)'[' or (byte)'{';
        var target = Path.Combine(folder, isJson ? "consolidated.json" : "consolidated.csv");
        var staging = Path.Combine(store.DataDirectory, ".staging-" + Guid.NewGuid().ToString("N"), Path.GetFileName(target));
        Directory.CreateDirectory(Path.GetDirectoryName(staging)!);
        File.Move(partial, staging);
        try
        {
            LoadedList list;
            try
            {
                list = ListLoader.Load(staging, countries);
            }
            catch (ListFormatException e)
            {
                return (false, $"{source}: not a valid list ({e.Message})", null, 0);
            }

            var count = list.Entries.Count;
            if (list.Format is not (ListFormat.CslCsv or ListFormat.CslJson))
            {
                return (false, $"{source}: not a Consolidated Screening List (read as {list.Format.Name()})", null, 0);
            }

            if (count < minimumEntries)
            {
                return (false, $"{source}: only {count} entries (at least {minimumEntries} expected): truncated or empty", null, 0);
            }

            if (previousCount > 0 && count < previousCount * MinimumShareOfPrevious)
            {
                return (false, $"{source}: {count} entries against {previousCount} in the copy in use: truncated", null, 0);
            }

            if (list.Problems.Count > count * MaximumMalformedShare)
            {
                return (false, $"{source}: {list.Problems.Count} malformed rows of {count}: damaged ({list.Problems[0]})", null, 0);
            }

            Directory.CreateDirectory(folder);
            File.Move(staging, target, overwrite: true);
            return (true, $"{source}: {count} entries, {list.Problems.Count} malformed rows, sha256 {list.Sha256}", target, count);
        }
        finally
        {
            var stagingFolder = Path.GetDirectoryName(staging)!;
            if (Directory.Exists(stagingFolder))
            {
                Directory.Delete(stagingFolder, recursive: true);
            }
        }
    }

    static int FirstSignificantByte(string path)
    {
        using var stream = File.OpenRead(path);
        int b;
        while ((b = stream.ReadByte()) is 0xEF or 0xBB or 0xBF or ' ' or '\r' or '\n' or '\t')
        {
        }

        return b;
    }

    void Prune()
    {
        foreach (var (path, _) in store.Downloads().Skip(KeptCopies))
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }
}
