using System.Text.Json;

namespace Clearance.Licenses;

/// <summary>A license application as <c>POST /api/license-applications</c> takes it: the order fields of
/// <c>evaluate</c>'s input (items as its lines, the whitelist as its parties) plus the applicant and end-use statements.</summary>
/// <param name="Applicant">The exporter applying.</param>
/// <param name="Date">The date whose rules classify the items; today when absent.</param>
/// <param name="Destination">ISO 3166-1 alpha-2.</param>
/// <param name="Origin">Where the items leave from (ISO 3166-1 alpha-2); the United States when absent.</param>
/// <param name="EndUse">datacenter, supercomputer, advanced-node-ic or general.</param>
/// <param name="Items">What is applied for.</param>
/// <param name="Parties">The buyer whitelist: buyers, consignees and end users.</param>
/// <param name="EndUseStatements">The buyers' end-use statements.</param>
public sealed record LicenseApplicationRequest(
    string? Applicant, DateOnly? Date, string? Destination, string? Origin, string? EndUse,
    IReadOnlyList<ApplicationItemRequest?>? Items, IReadOnlyList<ApplicationPartyRequest?>? Parties, IReadOnlyList<string?>? EndUseStatements);

/// <param name="Item">A catalog name (data/chips.csv), or the name of an inline <paramref name="Spec"/>.</param>
/// <param name="Spec">An inline specification with the chip columns of <c>classify</c>.</param>
/// <param name="Quantity">Whole units, 1 or more.</param>
/// <param name="UnitPrice">Price per unit, at most two decimals.</param>
public sealed record ApplicationItemRequest(string? Item, JsonElement? Spec, decimal? Quantity, decimal? UnitPrice);

/// <param name="Role">buyer, consignee or end-user.</param>
/// <param name="Name">The party's name.</param>
/// <param name="Country">ISO 3166-1 alpha-2.</param>
/// <param name="Headquarters">Country of the ultimate parent.</param>
/// <param name="Address">Street address.</param>
public sealed record ApplicationPartyRequest(string? Role, string? Name, string? Country, string? Headquarters, string? Address);

/// <summary>BIS's decision on a submitted application.</summary>
/// <param name="Outcome">approved, approved-with-conditions, returned or denied.</param>
/// <param name="LicenseNumber">Approvals: the license number BIS issued.</param>
/// <param name="ValidFrom">Approvals: the first day of validity; the decision's day when absent.</param>
/// <param name="ValidTo">Approvals: the last day of validity.</param>
/// <param name="Conditions">Approvals: the license's conditions (at least one for approved-with-conditions).</param>
/// <param name="Note">What BIS said; required for returned and denied.</param>
public sealed record ApplicationDecisionRequest(
    string? Outcome, string? LicenseNumber, DateOnly? ValidFrom, DateOnly? ValidTo, IReadOnlyList<LicenseConditionRequest?>? Conditions, string? Note);
