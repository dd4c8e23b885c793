using System.Net;
using System.Text;
using Clearance.Lists;

namespace Clearance.Tests;

/// <summary>lists update against a local HTTP server on 127.0.0.1 serving good, truncated and failing responses.</summary>
public sealed class ListUpdaterTests : IDisposable
{
    const string Header = "_id,source,entity_number,type,programs,name,title,addresses,federal_register_notice,start_date,end_date,standard_order,license_requirement,license_policy,call_sign,vessel_type,gross_tonnage,gross_registered_tonnage,vessel_flag,vessel_owner,remarks,source_list_url,alt_names,citizenships,dates_of_birth,nationalities,places_of_birth,source_information_url,ids";

    readonly HttpListener _listener = new();
    readonly TempFolder _temp = new();
    readonly string _prefix;
    readonly Task _serving;
    readonly byte[] _good = Csl(1200);

    public ListUpdaterTests()
    {
        var port = FreePort();
        _prefix = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(_prefix);
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    static byte[] Csl(int rows)
    {
        var text = new StringBuilder(Header).Append('\n');
        for (var i = 0; i < rows; i++)
        {
            text.Append(CultureInvariant($"id{i},Entity List (EL) - Bureau of Industry and Security,,,,Company Number {i} Trading,,,,,,,,,,,,,,,,,,,,,,,\n"));
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    static string CultureInvariant(FormattableString text) => FormattableString.Invariant(text);

    static int FreePort()
    {
        var socket = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        var port = ((IPEndPoint)socket.LocalEndpoint).Port;
        socket.Stop();
        return port;
    }

    async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (HttpListenerException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }

            var response = context.Response;
            switch (context.Request.Url!.AbsolutePath)
            {
                case "/good.csv":
                    response.ContentLength64 = _good.Length;
                    await response.OutputStream.WriteAsync(_good);
                    response.Close();
                    break;
                case "/first-3-mb.csv":
                    // The shipped CSL of 2022-05 cut after 3 MB, as trade.gov's downloads have been seen to stop: it
                    // arrives "whole" (the length announced is the length sent) and parses, but is short.
                    var csl = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "data", "lists", "us_csl_2022-05", "consolidated.csv"));
                    var cut = csl.AsMemory(0, 3 * 1024 * 1024);
                    response.ContentLength64 = cut.Length;
                    await response.OutputStream.WriteAsync(cut);
                    response.Close();
                    break;
                case "/short.csv":
                    var shortList = Csl(40);
                    response.ContentLength64 = shortList.Length;
                    await response.OutputStream.WriteAsync(shortList);
                    response.Close();
                    break;
                case "/cut.csv":
                    // Announces the whole file, sends half of it, then drops the connection.
                    response.ContentLength64 = _good.Length;
                    await response.OutputStream.WriteAsync(_good.AsMemory(0, _good.Length / 2));
                    response.Abort();
                    break;
                default:
                    response.StatusCode = 503;
                    response.Close();
                    break;
            }
        }
    }

    ListUpdater Updater(ListStore store, HttpClient http) => new(http, store, TimeProvider.System, minimumEntries: 1000);

    [Fact]
    public async Task Keeps_a_good_download_and_uses_it_by_default()
    {
        var store = new ListStore(_temp.Path, "unused");
        using var http = new HttpClient();
        var result = await Updater(store, http).UpdateAsync([new Uri(_prefix + "good.csv")], CancellationToken.None);
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
        var good = await Updater(store, http).UpdateAsync([new Uri(_prefix + "good.csv")], CancellationToken.None);
        await Task.Delay(1100);
        var failed = await Updater(store, http).UpdateAsync([new Uri(_prefix + file)], CancellationToken.None);
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
        var inUse = store.ShippedPaths.Sum(p => ListLoader.Load(p).Entries.Count);
        using var http = new HttpClient();

        var result = await Updater(store, http).UpdateAsync([new Uri(_prefix + "first-3-mb.csv")], CancellationToken.None);

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
        var good = await Updater(store, http).UpdateAsync([new Uri(_prefix + "good.csv")], CancellationToken.None);
        await Task.Delay(1100);

        var smaller = await new ListUpdater(http, store, TimeProvider.System, minimumEntries: 10).UpdateAsync([new Uri(_prefix + "short.csv")], CancellationToken.None);

        Assert.False(smaller.Updated);
        Assert.Contains("40 entries against 1200 in the copy in use: truncated", Assert.Single(smaller.Messages), StringComparison.Ordinal);
        Assert.Equal(good.Path, store.Newest()!.Value.Path);
    }

    [Fact]
    public async Task Tries_the_next_source_when_the_first_fails()
    {
        var store = new ListStore(_temp.Path, "unused");
        using var http = new HttpClient();
        var result = await Updater(store, http).UpdateAsync([new Uri(_prefix + "missing.csv"), new Uri(_prefix + "good.csv")], CancellationToken.None);
        Assert.True(result.Updated);
        Assert.Contains("HTTP 503", result.Messages[0], StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _serving.Wait(TimeSpan.FromSeconds(5));
        _temp.Dispose();
    }
}
