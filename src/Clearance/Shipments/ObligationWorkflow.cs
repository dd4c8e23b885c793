using System.Globalization;
using Clearance.Audit;
using Clearance.Data;
using Microsoft.EntityFrameworkCore;

namespace Clearance.Shipments;

/// <summary>The revenue-share ledger: obligations created by shipments, quarterly statements per license, payments.</summary>
public sealed class ObligationWorkflow(ClearanceDbContext db, AuditLog audit, TimeProvider clock)
{
    /// <summary>What every statement says about the share's legal basis (15 CFR and the Federal Register publish no fee:
    /// the Export Control Reform Act, 50 U.S.C. 4815(c), bars fees for license applications).</summary>
    public const string LegalBasis =
        "The revenue share is a condition written on the license, not a requirement of the Export Administration Regulations: no regulation in 15 CFR or rule in the Federal Register imposes it.";

    public async Task<IReadOnlyList<Obligation>> ListAsync(DateOnly? from, DateOnly? to, string? license, CancellationToken ct)
    {
        var query = db.Set<Obligation>().AsNoTracking();
        if (from is { } f)
        {
            query = query.Where(o => o.InvoiceDate >= f);
        }

        if (to is { } t)
        {
            query = query.Where(o => o.InvoiceDate <= t);
        }

        if (license is not null)
        {
            query = query.Where(o => o.LicenseNumber == license);
        }

        return await query.OrderBy(o => o.Id).Take(10_000).ToListAsync(ct);
    }

    /// <summary>Per license with obligations or payments in the quarter: invoiced, owed, paid and outstanding.</summary>
    public async Task<IReadOnlyList<StatementRow>> StatementAsync(string quarter, CancellationToken ct)
    {
        var obligations = await db.Set<Obligation>().AsNoTracking().Where(o => o.Quarter == quarter).ToListAsync(ct);
        var payments = await db.Set<ObligationPayment>().AsNoTracking().Where(p => p.Quarter == quarter).ToListAsync(ct);
        var ids = obligations.Select(o => o.LicenseId).Concat(payments.Select(p => p.LicenseId)).Distinct().ToList();
        var licenses = await db.Licenses.AsNoTracking().Where(l => ids.Contains(l.Id)).ToDictionaryAsync(l => l.Id, ct);
        return [.. ids.Select(id =>
            {
                var owed = obligations.Where(o => o.LicenseId == id).Sum(o => o.Amount);
                var paid = payments.Where(p => p.LicenseId == id).Sum(p => p.Amount);
                return new StatementRow(licenses[id].Number, quarter, licenses[id].Currency,
                    obligations.Where(o => o.LicenseId == id).Select(o => o.Rate).Distinct().ToList(),
                    obligations.Where(o => o.LicenseId == id).Sum(o => o.InvoiceAmount), owed, paid, owed - paid,
                    obligations.Count(o => o.LicenseId == id));
            }).OrderBy(r => r.License, StringComparer.Ordinal)];
    }

    /// <summary>The payments recorded for a quarter, oldest first.</summary>
    public async Task<IReadOnlyList<ObligationPayment>> PaymentsAsync(string quarter, CancellationToken ct) =>
        await db.Set<ObligationPayment>().AsNoTracking().Where(p => p.Quarter == quarter).OrderBy(p => p.Id).ToListAsync(ct);

    public async Task<(ObligationPayment? Payment, Dictionary<string, string[]> Errors)> RecordPaymentAsync(string actor, PaymentRequest? request, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request is null)
        {
            errors["$"] = ["Required: { license, quarter, amount, date, reference }."];
            return (null, errors);
        }

        if (Money.ParseQuarter(request.Quarter) is null)
        {
            errors["$.quarter"] = ["Required: a calendar quarter such as 2025Q3."];
        }

        if (request.Amount is not { } amount || amount <= 0 || decimal.Round(amount, 2) != amount || amount >= 1e16m)
        {
            errors["$.amount"] = ["Required: an amount above 0 with at most two decimals."];
        }

        if (request.Date is null)
        {
            errors["$.date"] = ["Required: YYYY-MM-DD."];
        }

        if (string.IsNullOrWhiteSpace(request.Reference) || request.Reference.Trim().Length > ShipmentWorkflow.MaximumTextLength)
        {
            errors["$.reference"] = [$"Required: 1 to {ShipmentWorkflow.MaximumTextLength} characters."];
        }

        var license = request.License is null ? null : await db.Licenses.AsNoTracking().SingleOrDefaultAsync(l => l.Number == request.License, ct);
        if (license is null)
        {
            errors["$.license"] = ["Required: the number of a license on record."];
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var payment = new ObligationPayment
        {
            LicenseId = license!.Id,
            LicenseNumber = license.Number,
            Quarter = request.Quarter!,
            Amount = request.Amount!.Value,
            Date = request.Date!.Value,
            Reference = request.Reference!.Trim(),
            RecordedBy = actor,
            RecordedAt = AuditChain.Truncate(clock.GetUtcNow()),
        };
        await using var transaction = await audit.BeginAsync(ct);
        db.Add(payment);
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(new AuditEntry(actor, "obligation.payment-recorded", "license", license.Id.ToString(CultureInfo.InvariantCulture),
            new { payment.LicenseNumber, payment.Quarter, payment.Amount, payment.Date, payment.Reference }), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (payment, errors);
    }
}

/// <param name="License">The license number.</param>
/// <param name="Quarter">The quarter, e.g. 2025Q3.</param>
/// <param name="Currency">ISO 4217.</param>
/// <param name="Rates">The share rates applied.</param>
/// <param name="Invoiced">Invoice amounts drawn on the license in the quarter.</param>
/// <param name="Obligation">What is owed: each shipment's rate × invoice amount, half-up to cents, summed.</param>
/// <param name="Paid">Payments recorded for the quarter.</param>
/// <param name="Outstanding">Obligation less paid.</param>
/// <param name="Shipments">How many shipments created obligations.</param>
public sealed record StatementRow(string License, string Quarter, string Currency, IReadOnlyList<decimal> Rates, decimal Invoiced,
    decimal Obligation, decimal Paid, decimal Outstanding, int Shipments);

/// <param name="License">The license number.</param>
/// <param name="Quarter">The quarter paid for, e.g. 2025Q3.</param>
/// <param name="Amount">In the license's currency.</param>
/// <param name="Date">The payment date.</param>
/// <param name="Reference">The payment's reference.</param>
public sealed record PaymentRequest(string? License, string? Quarter, decimal? Amount, DateOnly? Date, string? Reference);
