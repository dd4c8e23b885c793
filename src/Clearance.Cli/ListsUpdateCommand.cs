using System.CommandLine;
using Clearance.Lists;

namespace Clearance.Cli;

/// <summary><c>clearance lists update [--from URL]</c>: download the current CSL, keeping the last good copy on failure.</summary>
static class ListsUpdateCommand
{
    public static Command Create(TextWriter output, TextWriter error, TimeProvider clock)
    {
        var from = new Option<string[]>("--from") { Description = "Download from this URL instead of trade.gov's published files", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("update", "Download the current Consolidated Screening List") { from };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(from) ?? [], output, error, clock, ct));
        return command;
    }

    static async Task<int> RunAsync(string[] from, TextWriter output, TextWriter error, TimeProvider clock, CancellationToken ct)
    {
        var sources = new List<Uri>();
        foreach (var text in from)
        {
            if (ListUpdateOptions.ParseSource(text) is not { } uri)
            {
                error.WriteLine($"--from: '{text}' is not an http(s) URL");
                return CliApp.BadInput;
            }

            sources.Add(uri);
        }

        if (DataLoader.TryLoadListData(error) is not { } data)
        {
            return CliApp.BadInput;
        }

        var store = data.Store;
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
        var result = await new ListUpdater(http, store, data.Countries, clock).UpdateAsync(sources.Count > 0 ? sources : ListUpdateOptions.Default.Sources, ct);
        foreach (var message in result.Messages)
        {
            error.WriteLine(message);
        }

        if (result.Updated)
        {
            output.WriteLine($"updated: {result.Path} ({result.Entries} entries); lists in use are 0 hours old");
            return CliApp.Ok;
        }

        var newest = store.Newest();
        output.WriteLine(newest is { } n
            ? $"not updated: keeping the last good copy {n.Path}, {ListsCommand.Age(clock.GetUtcNow() - n.DownloadedAt)} old"
            : $"not updated: no download has succeeded; screening keeps the shipped snapshots, {ListsCommand.ShippedAges(clock)}");
        return CliApp.Problems;
    }
}
