namespace Clearance.Rules.Tests;

static class ShippedRules
{
    /// <summary>The shipped regulation, loaded once (the same instance the license-engine tests evaluate with).</summary>
    public static Regulation Book => Licensing.TestRules.Regulation;

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
