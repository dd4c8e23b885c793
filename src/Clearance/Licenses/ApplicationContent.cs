using Clearance.Rules.Licensing;

namespace Clearance.Licenses;

/// <summary>A license application as drafted: what <see cref="LicenseApplication.ContentJson"/> keeps.</summary>
/// <param name="Origin">Where the items leave from; null when the application does not say (the United States is assumed).</param>
/// <param name="EndUse">datacenter, supercomputer, advanced-node-ic or general.</param>
/// <param name="Vintage">The rule set in force on the application's date.</param>
/// <param name="Items">The items with their classification and review path.</param>
/// <param name="Parties">The buyer whitelist.</param>
/// <param name="EndUseStatements">What the buyers state about the end use, as the applicant received it.</param>
/// <param name="Certifications">What the review path asks the exporter to certify, from the decision's findings.</param>
public sealed record ApplicationContent(
    string? Origin, string EndUse, string Vintage, IReadOnlyList<ApplicationItem> Items, IReadOnlyList<ApplicationParty> Parties,
    IReadOnlyList<string> EndUseStatements, IReadOnlyList<ApplicationCertification> Certifications);

/// <summary>One item applied for, classified by Clearance on the application's date.</summary>
/// <param name="Line">Position on the application, from 0.</param>
/// <param name="Item">Catalog name, or the name given to an inline specification.</param>
/// <param name="Catalog">Whether <paramref name="Item"/> is a catalog name (a license line can name it) or an inline spec (the license line names its ECCN).</param>
/// <param name="Eccn">Its classification.</param>
/// <param name="ClassificationRule">The paragraph that decided.</param>
/// <param name="ClassificationReason">The comparison in words and numbers, with the citation.</param>
/// <param name="Tpp">Total processing performance.</param>
/// <param name="PerformanceDensity">TPP per mm² of die area.</param>
/// <param name="Quantity">Units.</param>
/// <param name="UnitPrice">Price per unit.</param>
/// <param name="Value">Quantity × unit price.</param>
/// <param name="LicenseRequired">Whether the destination needs a license for it on that date.</param>
/// <param name="ReviewPolicy">The review policy BIS would apply.</param>
/// <param name="Findings">The decision's findings for the item.</param>
/// <param name="UsUnitsShipped">Units of the item shipped to the United States on record when the application was
/// drafted, when the review path caps China's volume as a share of them; otherwise null.</param>
public sealed record ApplicationItem(
    int Line, string Item, bool Catalog, string Eccn, string? ClassificationRule, string ClassificationReason, double? Tpp, double? PerformanceDensity,
    long Quantity, decimal UnitPrice, decimal Value, bool LicenseRequired, string? ReviewPolicy, IReadOnlyList<Finding> Findings, long? UsUnitsShipped);

/// <summary>A party of the buyer whitelist: a party-master party.</summary>
/// <param name="Role">buyer, consignee or end-user.</param>
/// <param name="PartyId">The party in the party master (created when the name and country were new).</param>
/// <param name="Name">As on the application.</param>
/// <param name="Country">ISO 3166-1 alpha-2.</param>
/// <param name="Headquarters">Country of the ultimate parent.</param>
/// <param name="Address">Street address.</param>
public sealed record ApplicationParty(string Role, long PartyId, string Name, string Country, string? Headquarters, string? Address);

/// <summary>A condition or certification of an item's review path, as the license engine reported it.</summary>
/// <param name="Line">The item, from 0.</param>
/// <param name="Item">Its name.</param>
/// <param name="Code">The finding's code.</param>
/// <param name="Statement">The finding's message.</param>
/// <param name="Citation">Federal Register and CFR.</param>
/// <param name="Unconfirmed">Whether the research marks the fact unconfirmed.</param>
public sealed record ApplicationCertification(int Line, string Item, string Code, string Statement, string Citation, bool Unconfirmed);

/// <summary>The decision on a submitted application, as recorded.</summary>
/// <param name="Outcome">approved, approved-with-conditions, returned or denied.</param>
/// <param name="LicenseNumber">The license an approval issued.</param>
/// <param name="ValidFrom">First day of the license.</param>
/// <param name="ValidTo">Last day of the license.</param>
/// <param name="Conditions">The license's conditions.</param>
/// <param name="Note">What BIS said (a return's reasons, a denial's grounds).</param>
/// <param name="DecidedBy">Who recorded it.</param>
/// <param name="DecidedAt">When.</param>
public sealed record ApplicationDecision(
    string Outcome, string? LicenseNumber, DateOnly? ValidFrom, DateOnly? ValidTo, IReadOnlyList<LicenseCondition> Conditions, string? Note,
    string DecidedBy, DateTime DecidedAt);
