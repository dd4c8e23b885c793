#:project ../../src/Clearance/Clearance.csproj
#:property TreatWarningsAsErrors=false
#:property PublishAot=false
#:property InvariantGlobalization=true

// Development-time generator of src/Clearance.Screening/Resources/rarity.txt (see data/PROVENANCE.md): how many entries
// of the list snapshots shipped in data/lists/ carry each normalised name token, as the screening index counts them.
// Tokens carried by fewer than two entries are left out (the scorer treats 0 and 1 alike: rare). Regenerate whenever the
// shipped snapshots or the normaliser change; Clearance.Tests checks the embedded table against the shipped lists.
// Usage (repository root): dotnet run -c Release tools/screening-rarity/generate.cs -- [output]
using Clearance.Lists;
using Clearance.Screening;

var root = Directory.GetCurrentDirectory();
var output = args.Length > 0 ? args[0] : Path.Combine(root, "src", "Clearance.Screening", "Resources", "rarity.txt");
var countries = Clearance.ClearanceData.Load(Path.Combine(root, "data")).Countries;
var store = new ListStore(Path.Combine(Path.GetTempPath(), "clearance-rarity-none"), Path.Combine(root, "data", "lists"));
var index = ScreeningIndex.Build(ListMerger.Merge(store.ShippedPaths.Select(p => ListLoader.Load(p, countries))));
var table = TokenRarity.Common(index.Rarity);
using (var writer = new StreamWriter(output))
{
    table.Write(writer);
}

Console.WriteLine($"{output}: {table.Counts.Count} tokens carried by two or more of {table.Entries} entries");
