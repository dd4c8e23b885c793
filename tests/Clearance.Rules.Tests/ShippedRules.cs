namespace Clearance.Rules.Tests;

static class ShippedRules
{
    public static readonly Rulebook Book = Rulebook.Parse(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "rules", "vintages.json")),
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "rules", "classification.json")));

    public static Classification Classify(ItemSpec spec, string date) => Classifier.Classify(spec, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), Book);

    public static ItemSpec Chip(double tpp, double? dieArea = null, bool? datacenter = true, double? interconnect = null) => new()
    {
        Name = "probe",
        PublishedTpp = tpp,
        DieAreaMm2 = dieArea,
        Datacenter = datacenter,
        InterconnectGbs = interconnect,
    };
}
