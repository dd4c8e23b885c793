namespace Clearance.Licenses;

/// <summary>A license as <c>POST /api/licenses</c> takes it and as <c>evaluate --licenses</c> reads it. Numbers are
/// decimals so that a fractional quantity is refused with its JSON path rather than rounded.</summary>
/// <param name="Number">The license number (for NAC: the notification's number).</param>
/// <param name="Type">license, nac, aca or veu.</param>
/// <param name="Holder">The exporter the license was issued to.</param>
/// <param name="ValidFrom">First day of validity.</param>
/// <param name="ValidTo">Last day of validity.</param>
/// <param name="Currency">ISO 4217 code of the values; USD when absent.</param>
/// <param name="Destinations">ISO 3166-1 alpha-2 codes.</param>
/// <param name="Parties">The approved buyers, consignees and end users (the whitelist).</param>
/// <param name="Lines">Items or ECCNs with the units and value authorized.</param>
/// <param name="Conditions">The license's conditions.</param>
/// <param name="NotifiedOn">NAC only: the day the notification was registered in SNAP-R.</param>
/// <param name="ConfirmationNumber">NAC only: the confirmation number received at the end of the notice period (Regulation.NacNotice: the NAC text in force on the notification date).</param>
/// <param name="Used">Offline only: what was reserved or shipped before.</param>
public sealed record LicenseRequest(
    string? Number, string? Type, string? Holder, DateOnly? ValidFrom, DateOnly? ValidTo, string? Currency,
    IReadOnlyList<string?>? Destinations, IReadOnlyList<LicensePartyRequest?>? Parties, IReadOnlyList<LicenseLineRequest?>? Lines,
    IReadOnlyList<LicenseConditionRequest?>? Conditions, DateOnly? NotifiedOn = null, string? ConfirmationNumber = null,
    IReadOnlyList<LicenseUseRequest?>? Used = null);

/// <param name="Name">The party's name as on the license.</param>
/// <param name="Country">ISO 3166-1 alpha-2.</param>
public sealed record LicensePartyRequest(string? Name, string? Country);

/// <param name="Item">A catalog name, or an ECCN covering every item of it.</param>
/// <param name="Quantity">Whole units.</param>
/// <param name="Value">In the license's currency, at most two decimals.</param>
public sealed record LicenseLineRequest(string? Item, decimal? Quantity, decimal? Value);

/// <param name="Kind">revenue-share, us-third-party-test, china-us-volume-cap, china-import-approval, end-use-statement,
/// remote-access-kyc or per-customer-cap.</param>
/// <param name="Rate">revenue-share: the share of the invoice amount, 0 to 1.</param>
/// <param name="Ratio">china-us-volume-cap: China's units at most this ratio of U.S. units, 0 to 1.</param>
/// <param name="Quantity">per-customer-cap: units per customer.</param>
public sealed record LicenseConditionRequest(string? Kind, decimal? Rate = null, decimal? Ratio = null, decimal? Quantity = null);

/// <param name="Line">The license line, from 0.</param>
/// <param name="Quantity">Units already used.</param>
/// <param name="Value">Value already used.</param>
public sealed record LicenseUseRequest(int? Line, decimal? Quantity, decimal? Value);
