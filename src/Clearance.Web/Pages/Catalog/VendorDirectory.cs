using Clearance.Catalog;

namespace Clearance.Web.Pages.Catalog;

/// <summary>Where each catalog vendor is headquartered (data/vendors.csv), read once.</summary>
public sealed class VendorDirectory(ClearanceDataOptions options)
{
    public IReadOnlyDictionary<string, string> Headquarters { get; } =
        CatalogMap.ReadVendors(Path.Combine(options.DataDirectory, "vendors.csv"));
}
