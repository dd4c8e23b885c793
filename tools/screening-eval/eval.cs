#:project ../../src/Clearance/Clearance.csproj
#:property TreatWarningsAsErrors=false
#:property PublishAot=false
#:property InvariantGlobalization=true

// Development-time evaluation of screening quality (bench/README.md, "Screening"): name_bench precision/recall/F1 at
// the default threshold and over a sweep, on all 826 pairs and on two halves split by a hash of the pair (a check of
// overfitting: tune on "A", read "B"); the watchman cross-script pairs; CSL 2022 alias recall and the false-positive
// rate on the 50,000 synthetic negatives against the shipped lists; recall by error category on the listed Chinese
// entities written in Han (tests/Clearance.Screening.Tests/Data/han_listed_entities.csv), against the shipped lists and
// any --list given (e.g. the 2026-07 Entity List as a custom CSV); a row whose English entry is in no loaded list is
// counted apart, not as found or missed.
// Usage (repository root): dotnet run -c Release tools/screening-eval/eval.cs -- [--errors] [--lists [--list PATH]... [--time]] [--threshold X]
using System.Globalization;
using Clearance.Lists;
using Clearance.Screening;
using CsvHelper;
using CsvHelper.Configuration;

var root = Directory.GetCurrentDirectory();
var showErrors = args.Contains("--errors");
var withLists = args.Contains("--lists");
var thresholdArg = Array.IndexOf(args, "--threshold");
var threshold = thresholdArg >= 0 ? double.Parse(args[thresholdArg + 1], CultureInfo.InvariantCulture) : ScreeningDefaults.Threshold;
var inv = CultureInfo.InvariantCulture;

var bench = new List<(string Name1, string Name2, PartyType Type, bool Match, double Score, bool HalfA)>();
using (var reader = new CsvReader(new StreamReader(Path.Combine(root, "tests/Clearance.Screening.Tests/Data/name_bench_cases.csv")),
           new CsvConfiguration(inv)))
{
    reader.Read();
    reader.ReadHeader();
    while (reader.Read())
    {
        var n1 = reader.GetField("name1")!;
        var n2 = reader.GetField("name2")!;
        var type = reader.GetField("schema") == "Person" ? PartyType.Individual : PartyType.Unknown;
        var hash = 0u;
        foreach (var ch in n1 + "|" + n2)
        {
            hash = (hash * 31) + ch;
        }

        bench.Add((n1, n2, type, reader.GetField("is_match") == "true", NameMatcher.Score(n1, n2, type), hash % 2 == 0));
    }
}

string Figures(IEnumerable<(string Name1, string Name2, PartyType Type, bool Match, double Score, bool HalfA)> rows, double t)
{
    int tp = 0, fp = 0, fn = 0;
    foreach (var r in rows)
    {
        var predicted = r.Score >= t;
        tp += predicted && r.Match ? 1 : 0;
        fp += predicted && !r.Match ? 1 : 0;
        fn += !predicted && r.Match ? 1 : 0;
    }

    var p = (double)tp / Math.Max(1, tp + fp);
    var rc = (double)tp / Math.Max(1, tp + fn);
    var f1 = 2 * p * rc / Math.Max(1e-9, p + rc);
    return string.Create(inv, $"P {p:F3} R {rc:F3} F1 {f1:F3} (TP {tp} FP {fp} FN {fn})");
}

Console.WriteLine(string.Create(inv, $"name_bench {bench.Count} pairs at {threshold:F2}: {Figures(bench, threshold)}"));
Console.WriteLine(string.Create(inv, $"  half A ({bench.Count(b => b.HalfA)}): {Figures(bench.Where(b => b.HalfA), threshold)}"));
Console.WriteLine(string.Create(inv, $"  half B ({bench.Count(b => !b.HalfA)}): {Figures(bench.Where(b => !b.HalfA), threshold)}"));
for (var t = 0.60; t < 0.96; t += 0.02)
{
    Console.WriteLine(string.Create(inv, $"  at {t:F2}: {Figures(bench, t)}"));
}

if (showErrors)
{
    foreach (var r in bench.Where(r => (r.Score >= threshold) != r.Match).OrderBy(r => r.Match))
    {
        Console.WriteLine(string.Create(inv, $"  {(r.Match ? "FN" : "FP")} {r.Score:F3} [{r.Type}] {r.Name1} | {r.Name2} :: {NameMatcher.Compare(r.Name1, r.Name2, r.Type).Explanation}"));
    }
}

var cross = File.ReadAllLines(Path.Combine(root, "tests/Clearance.Screening.Tests/Data/cross_script_pairs.csv"))
    .Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split(',')).ToList();
var crossMissed = cross.Where(p => NameMatcher.Score(p[0], p[1], PartyType.Individual) < threshold).ToList();
Console.WriteLine($"cross-script: {cross.Count - crossMissed.Count}/{cross.Count}" +
    (crossMissed.Count > 0 ? " missed: " + string.Join(", ", crossMissed.Select(p => string.Create(inv, $"{p[0]}/{p[1]} {NameMatcher.Score(p[0], p[1], PartyType.Individual):F3}"))) : ""));

if (!withLists)
{
    return;
}

var countries = Clearance.ClearanceData.Load(Path.Combine(root, "data")).Countries;
var store = new ListStore(Path.Combine(Path.GetTempPath(), "clearance-eval-none"), Path.Combine(root, "data", "lists"));
var extraLists = args.Select((a, i) => (a, i)).Where(p => p.a == "--list").Select(p => args[p.i + 1]).ToList();
var index = ScreeningIndex.Build(ListMerger.Merge(store.ShippedPaths.Concat(extraLists).Select(p => ListLoader.Load(p, countries))));
static string[] Row(string line)
{
    using var csv = new CsvParser(new StringReader(line), CultureInfo.InvariantCulture);
    return csv.Read() ? csv.Record! : [];
}

// The alias pairs come from the CSL of 2022-05 and name its entry ids: they are screened against that CSL, whichever
// lists are the default.
var csl2022 = ScreeningIndex.Build(ListLoader.Load(ShippedLists.PathOf(ShippedLists.Csl2022, Path.Combine(root, "data", "lists")), countries).Entries);
var aliases = File.ReadAllLines(Path.Combine(root, "tests/Clearance.Tests/Data/derived_csl2022_cn_hk_alias_pairs.csv")).Skip(1).Select(Row).ToArray();
var aliasMissed = aliases.AsParallel().Where(f => !csl2022.Screen(new ScreeningQuery(f[3]), top: 10)
    .Any(h => h.Entry.Id == f[1] && h.Score >= threshold)).Select(f => $"{f[1]}: {f[3]}").ToList();
Console.WriteLine($"alias recall: {aliases.Length - aliasMissed.Count}/{aliases.Length}");
foreach (var m in aliasMissed.Take(30))
{
    Console.WriteLine("  missed " + m);
}

var hanRows = File.ReadAllLines(Path.Combine(root, "tests/Clearance.Screening.Tests/Data/han_listed_entities.csv"))
    .Where(l => l.Length > 0 && !l.StartsWith('#')).Skip(1).Select(Row).ToArray();
var listedNames = index.Entries.Select(e => e.Name.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
var hanResults = hanRows.AsParallel().AsOrdered().Select(f =>
{
    var found = listedNames.Contains(f[1].Trim());
    var matches = found ? index.Screen(new ScreeningQuery(f[0]), top: 10) : [];
    var hit = matches.FirstOrDefault(h => h.Score >= threshold && h.Entry.Name.Trim().Equals(f[1].Trim(), StringComparison.OrdinalIgnoreCase));
    return (Han: f[0], Expected: f[1], Category: f[2], Listed: found, Hit: hit, Best: matches.FirstOrDefault());
}).ToList();
var hanListed = hanResults.Where(r => r.Listed).ToList();
Console.WriteLine(string.Create(inv, $"han listed entities: {hanListed.Count(r => r.Hit is not null)}/{hanListed.Count} = {100.0 * hanListed.Count(r => r.Hit is not null) / Math.Max(1, hanListed.Count):F1}% ({hanResults.Count - hanListed.Count} rows name an entry in no loaded list)"));
foreach (var category in hanListed.GroupBy(r => r.Category))
{
    Console.WriteLine(string.Create(inv, $"  {category.Key}: {category.Count(r => r.Hit is not null)}/{category.Count()}"));
}

if (showErrors)
{
    foreach (var r in hanResults.Where(r => r.Hit is null))
    {
        Console.WriteLine(r.Listed
            ? string.Create(inv, $"  missed [{r.Category}] {r.Han} -> {r.Expected}; best {r.Best?.Score:F3} {r.Best?.Entry.Name} :: {r.Best?.Explanation}")
            : $"  not loaded [{r.Category}] {r.Han} -> {r.Expected}");
    }
}

var negatives = File.ReadAllLines(Path.Combine(root, "tests/Clearance.Tests/Data/negatives_global_names.csv")).Skip(1).Select(l => Row(l)[0]).ToArray();
var hits = negatives.AsParallel().AsOrdered()
    .Select(n => (Name: n, Best: index.Screen(new ScreeningQuery(n, Type: PartyType.Individual)).FirstOrDefault()))
    .Where(h => h.Best is not null && h.Best.Score >= threshold).ToList();
Console.WriteLine(string.Create(inv, $"negatives: {hits.Count} hits of {negatives.Length} = {100.0 * hits.Count / negatives.Length:F2}%"));
var sweep = negatives.AsParallel().Select(n => index.Screen(new ScreeningQuery(n, Type: PartyType.Individual)).FirstOrDefault()?.Score ?? 0).ToArray();
foreach (var t in new[] { 0.70, 0.74, 0.76, 0.78, 0.80, 0.82, 0.84, 0.85, 0.86, 0.88, 0.90 })
{
    Console.WriteLine(string.Create(inv, $"  at {t:F2}: {sweep.Count(s => s >= t)} hits"));
}

if (args.Contains("--time"))
{
    // CPU time of screening the negatives on one thread after a warm-up (CPU, not wall time: the machine is shared).
    foreach (var n in negatives.Take(2000))
    {
        index.Screen(new ScreeningQuery(n, Type: PartyType.Individual));
    }

    var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
    foreach (var n in negatives)
    {
        index.Screen(new ScreeningQuery(n, Type: PartyType.Individual));
    }

    var seconds = (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
    Console.WriteLine(string.Create(inv, $"one thread, {negatives.Length} negatives: {seconds:F2} s CPU"));
}

if (showErrors)
{
    foreach (var (name, best) in hits)
    {
        Console.WriteLine(string.Create(inv, $"  FP {best!.Score:F3} {name} -> {best.MatchedName} :: {best.Explanation}"));
    }
}
