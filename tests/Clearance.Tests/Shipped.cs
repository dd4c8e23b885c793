namespace Clearance.Tests;

static class Shipped
{
    public static readonly ClearanceData Data = ClearanceData.Load(ClearanceData.DefaultDirectory);

    public static string CatalogPath => Path.Combine(ClearanceData.DefaultDirectory, "chips.csv");
}
