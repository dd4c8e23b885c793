using System.CommandLine;
using System.Globalization;
using Clearance.Lists;
using Clearance.Rules;

namespace Clearance.Cli;

/// <summary><c>clearance lists info</c> and <c>clearance lists update [--from URL]</c>.</summary>
static class ListsCommand
{
    const int ProblemsShown = 20;

    public static Command Create(TextWriter output, TextWriter error, TimeProvider clock)
    {
        var command = new Command("lists", "Show or update the restricted-party lists");
        var listPaths = new Option<string[]>("--list") { Description = "Lists to describe instead of the defaults", Arity = ArgumentArity.ZeroOrMore };
        var info = new Command("info", "Sources, counts, dates and content hash of the lists in use") { listPaths };
        info.SetAction(parse => Info(parse.GetValue(listPaths) ?? [], output, error, clock));
        command.Subcommands.Add(info);
        command.Subcommands.Add(ListsUpdateCommand.Create(output, error, clock));
        return command;
    }

    /// <summary>Reports unusable list rows on stderr: the count per file and the first of them with their lines.</summary>
    public static void ReportProblems(ListSet set, TextWriter error)
    {
        foreach (var list in set.Lists.Where(l => l.Problems.Count > 0))
        {
            error.WriteLine($"{list.Path}: {list.Problems.Count} malformed row(s) skipped:");
            foreach (var problem in list.Problems.Take(ProblemsShown))
            {
                error.WriteLine($"  {problem}");
            }

            if (list.Problems.Count > ProblemsShown)
            {
                error.WriteLine($"  … and {list.Problems.Count - ProblemsShown} more");
            }
        }
    }

    static int Info(string[] paths, TextWriter output, TextWriter error, TimeProvider clock)
    {
        if (DataLoader.TryLoadListData(error) is not { } data)
        {
            return CliApp.BadInput;
        }

        var store = data.Store;
        ListSet set;
        try
        {
            set = ListSet.Load(paths.Length > 0 ? paths : store.DefaultPaths(), data.Countries, store.CacheDirectory, error);
        }
        catch (ListFormatException e)
        {
            error.WriteLine(e.Message);
            return CliApp.BadInput;
        }

        ReportProblems(set, error);
        output.WriteLine($"data directory: {store.DataDirectory} (set {ListStore.DataDirectoryVariable} to change)");
        if (paths.Length == 0)
        {
            output.WriteLine(store.Newest() is { } newest
                ? $"in use: download of {newest.DownloadedAt:yyyy-MM-dd HH:mm}Z, {Age(clock.GetUtcNow() - newest.DownloadedAt)} old"
                : $"in use: the snapshots shipped with Clearance, {ShippedAges(clock)}; run 'clearance lists update' for current lists");
        }

        foreach (var list in set.Lists)
        {
            output.WriteLine();
            output.WriteLine($"{list.Path}");
            output.WriteLine($"  format: {list.Format.Name()}, version: {list.Version}");
            var asOf = store.AsOf(list.Path);
            output.WriteLine(asOf is { } date
                ? $"  as of: {date:yyyy-MM-dd} ({Age(clock.GetUtcNow() - new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero))} old)"
                : "  as of: not known");
            output.WriteLine($"  sha256: {list.Sha256}");
            output.WriteLine($"  entries: {list.Entries.Count}, aliases: {list.Entries.Sum(e => e.Aliases.Count)}, malformed rows: {list.Problems.Count}");
            foreach (var group in list.Entries.GroupBy(e => e.List).OrderByDescending(g => g.Count()))
            {
                output.WriteLine($"    {group.Count(),6}  {group.Key}");
            }
        }

        output.WriteLine();
        output.WriteLine($"merged: {set.Index.Entries.Count} entries (OFAC SDN de-duplicated on entity number), {set.Index.NameCount} indexed names");
        return CliApp.Ok;
    }

    /// <summary>The shipped snapshots' dates and ages, oldest and newest.</summary>
    public static string ShippedAges(TimeProvider clock)
    {
        var dates = ShippedLists.Default.Select(l => l.AsOf).Order().ToList();
        TimeSpan Old(DateOnly d) => clock.GetUtcNow() - new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return $"{ShippedLists.Default.Count} lists as of {dates[0]:yyyy-MM-dd} to {dates[^1]:yyyy-MM-dd} "
            + $"(the oldest {Age(Old(dates[0]))} old, the newest {Age(Old(dates[^1]))} old; 'clearance lists info' shows each)";
    }

    public static string Age(TimeSpan age) => age.TotalDays >= 2
        ? $"{Math.Floor(age.TotalDays).ToString(CultureInfo.InvariantCulture)} days"
        : $"{Math.Max(0, Math.Floor(age.TotalHours)).ToString(CultureInfo.InvariantCulture)} hours";
}
