using System.Globalization;
using Clearance.Audit;
using Clearance.Data;
using Clearance.Licenses;
using Clearance.Orders;
using Clearance.Parties;
using Clearance.Screening;
using Microsoft.EntityFrameworkCore;

namespace Clearance.Shipments;

/// <summary>The register of China's import approvals (the second gate), which shipments under a
/// <c>china-import-approval</c> condition are checked against.</summary>
public sealed class ChinaApprovalWorkflow(ClearanceDbContext db, AuditLog audit, OrderPipeline pipeline, TimeProvider clock)
{
    public async Task<(ChinaApproval? Approval, Dictionary<string, string[]> Errors)> RecordAsync(string actor, ChinaApprovalRequest? request, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request is null)
        {
            errors["$"] = ["Required: { buyer, country, item, quantity, status, date, authority, reference }."];
            return (null, errors);
        }

        var buyer = Text(request.Buyer, "$.buyer", LicenseValidator.MaximumNameLength, errors);
        if (buyer is not null && NameNormalizer.NormalizePrimary(buyer).Full.Length == 0)
        {
            errors["$.buyer"] = ["The name has no letters or digits to match orders by."];
        }

        var country = request.Country?.Trim();
        if (country is not { Length: 2 } || !pipeline.Data.Countries.IsKnown(country))
        {
            errors["$.country"] = ["Required: an ISO 3166-1 alpha-2 code in capitals, such as CN."];
        }

        var item = Text(request.Item, "$.item", LicenseValidator.MaximumNameLength, errors);
        if (item is not null && !pipeline.Data.Catalog.ContainsKey(item))
        {
            errors["$.item"] = [$"Unknown item '{item}': a catalog name (data/chips.csv)."];
        }

        if (request.Quantity is not { } quantity || quantity < 0 || quantity != decimal.Truncate(quantity) || quantity > long.MaxValue)
        {
            errors["$.quantity"] = ["Required: a whole number of units, 0 or more."];
        }

        if (request.Status is not { } status || !ChinaApprovals.Statuses.Contains(status, StringComparer.Ordinal))
        {
            errors["$.status"] = [$"Required: one of {string.Join(", ", ChinaApprovals.Statuses)}."];
        }

        if (request.Date is null)
        {
            errors["$.date"] = ["Required: YYYY-MM-DD."];
        }

        var authority = Text(request.Authority, "$.authority", ShipmentWorkflow.MaximumTextLength, errors);
        var reference = Text(request.Reference, "$.reference", ShipmentWorkflow.MaximumTextLength, errors);
        if (request.Conditions is { Length: > LicenseValidator.MaximumReasonLength })
        {
            errors["$.conditions"] = [$"At most {LicenseValidator.MaximumReasonLength} characters."];
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var approval = new ChinaApproval
        {
            Buyer = buyer!,
            Country = country!,
            BuyerKey = ScreeningSubject.NameKey(buyer!, country),
            Item = item!,
            Quantity = (long)request.Quantity!.Value,
            Status = request.Status!,
            Date = request.Date!.Value,
            Authority = authority!,
            Reference = reference!,
            Conditions = string.IsNullOrWhiteSpace(request.Conditions) ? null : request.Conditions.Trim(),
            CreatedBy = actor,
            CreatedAt = AuditChain.Truncate(clock.GetUtcNow()),
        };
        await using var transaction = await audit.BeginAsync(ct);
        db.Add(approval);
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(new AuditEntry(actor, "china-approval.recorded", "china-approval", approval.Id.ToString(CultureInfo.InvariantCulture),
            new { approval.Buyer, approval.Country, approval.Item, approval.Quantity, approval.Status, approval.Date, approval.Authority, approval.Reference, approval.Conditions }), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (approval, errors);
    }

    /// <summary>Newest first, at most 1000.</summary>
    public async Task<IReadOnlyList<ChinaApproval>> ListAsync(CancellationToken ct) =>
        await db.Set<ChinaApproval>().AsNoTracking().OrderByDescending(a => a.Id).Take(1000).ToListAsync(ct);

    static string? Text(string? text, string path, int maximum, Dictionary<string, string[]> errors)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > maximum)
        {
            errors[path] = [$"Required: 1 to {maximum.ToString(CultureInfo.InvariantCulture)} characters."];
            return null;
        }

        return trimmed;
    }
}
