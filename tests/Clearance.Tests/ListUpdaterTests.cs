using System.Net;
using Clearance.Lists;
using Microsoft.Extensions.Time.Testing;

namespace Clearance.Tests;

/// <summary>lists update against a local HTTP server on 127.0.0.1 serving good, truncated and failing responses; the
/// clock is a fake one, moved on between downloads as the days between two updates would.</summary>
public sealed class ListUpdaterTests : IAsyncDisposable
{
    readonly TempFolder _temp = new();
    readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 7, 20, 6, 0, 0, TimeSpan.Zero));
    readonly byte[] _good = ListServer.Csl([], 1200);
    readonly ListServer _server;

    public ListUpdaterTests() => _server = new ListServer(new Dictionary<string, Func<HttpListenerResponse, Task>>
    {
        ["/good.csv"] = response => ListServer.SendAsync(response, _good),
        // The shipped CSL of 2022-05 cut after 3 MB, as trade.gov's downloads have been seen to stop: it arrives "whole"
        // (the length announced is the length sent) and parses, but is short.
        ["/first-3-mb.csv"] = response => ListServer.SendAsync(response,
            File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "data", "lists", "us_csl_2022-05", "consolidated.csv")).AsMemory(0, 3 * 1024 * 1024)),
        ["/short.csv"] = response => ListServer.SendAsync(response, ListServer.Csl([], 40)),
        // Announces the whole file, sends half of it, then drops the connection.
        ["/cut.csv"] = async response =>
        {
            response.ContentLength64 = _good.Length;
            await response.OutputStream.WriteAsync(_good.AsMemory(0, _good.Length / 2));
            response.Abort();
        },
    });

    ListUpdater Updater(ListStore store, HttpClient http, int minimumEntries = 1000) => new(http, store, Shipped.Data.Countries, _clock, minimumEntries);

    /// <summary>The next update comes a day later, so its download is a folder of its own.</summary>
    void NextDay() => _clock.Advance(TimeSpan.FromDays(1));

    [Fact]
    public async Task Keeps_a_good_download_and_uses_it_by_default()
    {
        var store = new ListStore(_temp.Path, "unused");
        using var http = new HttpClient();
        var result = await Updater(store, http).UpdateAsync([new Uri(_server.Prefix + "good.csv")], CancellationToken.None);
        Assert.True(result.Updated, string.Join("; ", result.Messages));
        Assert.Equal(1200, result.Entries);
        Assert.Equal([result.Path!], store.DefaultPaths());
    }

    [Theory]
    [InlineData("cut.csv", "cut off")]
    [InlineData("short.csv", "only 40 entries")]
    [InlineData("missing.csv", "HTTP 503")]
    public async Task Keeps_the_last_good_copy_when_a_download_fails_or_is_truncated(string file, string reason)
    {
        var store = new ListStore(_temp.Path, "unused");
        using var http = new HttpClient();
        var good = await Updater(store, http).UpdateAsync([new Uri(_server.Prefix + "good.csv")], CancellationToken.None);
        NextDay();
        var failed = await Updater(store, http).UpdateAsync([new Uri(_server.Prefix + file)], CancellationToken.None);
        Assert.False(failed.Updated);
        Assert.Contains(failed.Messages, m => m.Contains(reason, StringComparison.Ordinal) || m.Contains("truncated", StringComparison.Ordinal));
        Assert.Equal(good.Path, store.Newest()!.Value.Path);
        Assert.Single(store.Downloads());
        Assert.Empty(Directory.EnumerateFileSystemEntries(_temp.Path, ".*"));
    }

    [Fact]
    public async Task Discards_a_cut_off_CSL_when_the_copy_in_use_is_the_shipped_snapshots()
    {
        var store = new ListStore(_temp.Path, Path.Combine(AppContext.BaseDirectory, "data", "lists"));
        var inUse = store.ShippedPaths.Sum(p => ListLoader.Load(p, Shipped.Data.Countries).Entries.Count);
        using var http = new HttpClient();

        var result = await Updater(store, http).UpdateAsync([new Uri(_server.Prefix + "first-3-mb.csv")], CancellationToken.None);

        Assert.False(result.Updated);
        var refusal = Assert.Single(result.Messages);
        Assert.Matches(@"first-3-mb\.csv: \d+ entries against \d+ in the copy in use: truncated", refusal);
        Assert.Contains(FormattableString.Invariant($"against {inUse} in the copy in use"), refusal, StringComparison.Ordinal);
        Assert.Empty(store.Downloads());
        Assert.Equal(store.ShippedPaths, store.DefaultPaths());
    }

    [Fact]
    public async Task Discards_a_download_under_90_percent_of_the_download_in_use_even_above_the_minimum()
    {
        var store = new ListStore(_temp.Path, "unused");
        using var http = new HttpClient();
        var good = await Updater(store, http).UpdateAsync([new Uri(_server.Prefix + "good.csv")], CancellationToken.None);
        NextDay();

        var smaller = await Updater(store, http, minimumEntries: 10).UpdateAsync([new Uri(_server.Prefix + "short.csv")], CancellationToken.None);

        Assert.False(smaller.Updated);
        Assert.Contains("40 entries against 1200 in the copy in use: truncated", Assert.Single(smaller.Messages), StringComparison.Ordinal);
        Assert.Equal(good.Path, store.Newest()!.Value.Path);
    }

    [Fact]
    public async Task Tries_the_next_source_when_the_first_fails()
    {
        var store = new ListStore(_temp.Path, "unused");
        using var http = new HttpClient();
        var result = await Updater(store, http).UpdateAsync([new Uri(_server.Prefix + "missing.csv"), new Uri(_server.Prefix + "good.csv")], CancellationToken.None);
        Assert.True(result.Updated);
        Assert.Contains("HTTP 503", result.Messages[0], StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _temp.Dispose();
    }
}
