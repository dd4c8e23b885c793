using System.Globalization;
using System.Text;
using Clearance.Licenses;
using CsvHelper.Configuration.Attributes;

namespace Clearance.Web.Licenses;

/// <summary>The filing package of a license application: what a person pastes into the government's filing system.
/// A readable document, and the items and the whitelist as CSV, each with the classification trace and the screening.</summary>
public static class ApplicationPackage
{
    public static string Document(ApplicationRecord record, DateTimeOffset preparedAt)
    {
        var (a, c) = (record.Application, record.Content);
        var text = new StringBuilder();
        void Line(string line = "") => text.Append(line).Append('\n');
        string Money(decimal amount) => amount.ToString("#,##0.00", CultureInfo.InvariantCulture);

        Line($"LICENSE APPLICATION {a.Id.ToString(CultureInfo.InvariantCulture)} ({a.Status})");
        Line($"Prepared {preparedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC. Classification, review path and certifications are those of the rules in force on {a.Date:yyyy-MM-dd} (vintage {c.Vintage}).");
        Line();
        Line($"Applicant (exporter): {a.Applicant}");
        Line($"Destination: {a.Destination}");
        Line($"Exported from: {c.Origin ?? "US (not stated; assumed)"}");
        Line($"End use: {c.EndUse}");
        if (record.Decision is { } decision)
        {
            Line($"Decision: {decision.Outcome} on {decision.DecidedAt:yyyy-MM-dd} (recorded by {decision.DecidedBy})"
                + (decision.LicenseNumber is null ? "" : $"; license {decision.LicenseNumber}, valid {decision.ValidFrom:yyyy-MM-dd} to {decision.ValidTo:yyyy-MM-dd}")
                + (decision.Note is null ? "" : $"; {decision.Note}"));
        }

        Line();
        Line("ITEMS");
        foreach (var item in c.Items)
        {
            Line($"{(item.Line + 1).ToString(CultureInfo.InvariantCulture)}. {item.Item}: {item.Quantity.ToString(CultureInfo.InvariantCulture)} units at {Money(item.UnitPrice)} = {Money(item.Value)} USD");
            Line($"   ECCN {item.Eccn} ({item.ClassificationRule ?? "no paragraph"}): {item.ClassificationReason}");
            Line($"   License required: {(item.LicenseRequired ? "yes" : "no")}; review policy: {item.ReviewPolicy ?? "none"}");
            if (item.UsUnitsShipped is { } us)
            {
                Line($"   Units of this item shipped to the United States on record: {us.ToString(CultureInfo.InvariantCulture)}");
            }

            foreach (var finding in item.Findings)
            {
                Line($"   - [{finding.Code}] {finding.Message} ({finding.Citation}){(finding.Unconfirmed ? " [unconfirmed]" : "")}");
            }
        }

        Line();
        Line("PARTIES (buyer whitelist)");
        for (var i = 0; i < c.Parties.Count; i++)
        {
            var party = c.Parties[i];
            Line($"{(i + 1).ToString(CultureInfo.InvariantCulture)}. {party.Role}: {party.Name} ({party.Country})"
                + (party.Headquarters is null ? "" : $", headquartered in {party.Headquarters}") + (party.Address is null ? "" : $", {party.Address}"));
            if (record.Screening.GetValueOrDefault(party.PartyId) is { } screening)
            {
                Line($"   Screening: {screening.Decision}, screened {screening.ScreenedAt:yyyy-MM-dd HH:mm} UTC against list versions sha256:{screening.ListVersionHash}");
                foreach (var hit in screening.Hits)
                {
                    Line($"   - alert {hit.AlertId.ToString(CultureInfo.InvariantCulture)}: {hit.List} '{hit.Entry}', score {hit.Score.ToString("0.000", CultureInfo.InvariantCulture)}, {hit.Status}");
                }
            }
        }

        Line();
        Line("END-USE STATEMENTS");
        if (c.EndUseStatements.Count == 0)
        {
            Line("(none given)");
        }

        for (var i = 0; i < c.EndUseStatements.Count; i++)
        {
            Line($"{(i + 1).ToString(CultureInfo.InvariantCulture)}. {c.EndUseStatements[i]}");
        }

        Line();
        Line("CERTIFICATIONS AND CONDITIONS OF THE REVIEW PATH");
        if (c.Certifications.Count == 0)
        {
            Line("(the review path of these items on this date asks for none)");
        }

        foreach (var certification in c.Certifications)
        {
            Line($"- item {(certification.Line + 1).ToString(CultureInfo.InvariantCulture)} ({certification.Item}): [{certification.Code}] {certification.Statement} ({certification.Citation}){(certification.Unconfirmed ? " [unconfirmed]" : "")}");
        }

        return text.ToString();
    }

    public static string ItemsCsv(ApplicationRecord record) => CsvText.Write(record.Content.Items.Select(i => new ItemRow(
        i.Line + 1, i.Item, i.Eccn, i.ClassificationRule ?? "", i.ClassificationReason,
        i.Tpp?.ToString("0.###", CultureInfo.InvariantCulture) ?? "", i.PerformanceDensity?.ToString("0.###", CultureInfo.InvariantCulture) ?? "",
        i.Quantity, i.UnitPrice.ToString("0.00", CultureInfo.InvariantCulture), i.Value.ToString("0.00", CultureInfo.InvariantCulture),
        i.LicenseRequired ? "yes" : "no", i.ReviewPolicy ?? "", i.UsUnitsShipped?.ToString(CultureInfo.InvariantCulture) ?? "",
        string.Join("; ", record.Content.Certifications.Where(c => c.Line == i.Line).Select(c => c.Code)),
        string.Join(" | ", i.Findings.Select(f => $"{f.Code}: {f.Message} ({f.Citation})")))));

    public static string PartiesCsv(ApplicationRecord record) => CsvText.Write(record.Content.Parties.Select((p, i) =>
    {
        var screening = record.Screening.GetValueOrDefault(p.PartyId);
        return new PartyRow(i + 1, p.Role, p.Name, p.Country, p.Headquarters ?? "", p.Address ?? "", p.PartyId, screening?.Decision ?? "",
            screening?.ScreenedAt.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) ?? "", screening?.ListVersionHash ?? "",
            string.Join(" | ", (screening?.Hits ?? []).Select(h => $"alert {h.AlertId.ToString(CultureInfo.InvariantCulture)}: {h.List} '{h.Entry}' {h.Score.ToString("0.000", CultureInfo.InvariantCulture)} {h.Status}")));
    }));

    sealed record ItemRow(
        [property: Name("item_no")] int ItemNo,
        [property: Name("item")] string Item,
        [property: Name("eccn")] string Eccn,
        [property: Name("classification_rule")] string Rule,
        [property: Name("classification_reason")] string Reason,
        [property: Name("tpp")] string Tpp,
        [property: Name("performance_density")] string PerformanceDensity,
        [property: Name("quantity")] long Quantity,
        [property: Name("unit_price")] string UnitPrice,
        [property: Name("value")] string Value,
        [property: Name("license_required")] string LicenseRequired,
        [property: Name("review_policy")] string ReviewPolicy,
        [property: Name("us_units_shipped")] string UsUnitsShipped,
        [property: Name("certifications")] string Certifications,
        [property: Name("findings")] string Findings);

    sealed record PartyRow(
        [property: Name("party_no")] int PartyNo,
        [property: Name("role")] string Role,
        [property: Name("name")] string Name,
        [property: Name("country")] string Country,
        [property: Name("headquarters")] string Headquarters,
        [property: Name("address")] string Address,
        [property: Name("party_id")] long PartyId,
        [property: Name("screening")] string Screening,
        [property: Name("screened_at")] string ScreenedAt,
        [property: Name("list_version_hash")] string ListVersionHash,
        [property: Name("hits")] string Hits);
}
