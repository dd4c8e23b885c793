using System.Globalization;
using System.Security.Claims;
using Clearance.Shipments;
using CsvHelper.Configuration.Attributes;
using Clearance.Web.Orders;
using Clearance.Web.Hosting;
using Clearance.Web.Users;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Clearance.Web.Shipments;

public static class ShipmentsApi
{
    public static IEndpointRouteBuilder MapShipments(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/orders/{id:long}/shipments", Ship).WithTags("Shipments").RequireAuthorization(Policies.SubmitOrders)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity).WithProblemResponses();
        var approvals = app.MapGroup("/api/china-approvals").WithTags("China import approvals").WithProblemResponses();
        approvals.MapPost("/", RecordApproval).RequireAuthorization(Policies.ReleaseOrders);
        approvals.MapGet("/", ListApprovals).RequireAuthorization(Policies.ReadOrders);
        var obligations = app.MapGroup("/api/obligations").WithTags("Obligations").WithProblemResponses();
        obligations.MapGet("/", ListObligations).RequireAuthorization(Policies.ReadObligations);
        obligations.MapGet("/statement", Statement).RequireAuthorization(Policies.ReadObligations).ProducesTextToo(StatusCodes.Status200OK, "text/csv");
        obligations.MapPost("/payments", RecordPayment).RequireAuthorization(Policies.ManageLicenses);
        return app;
    }

    /// <summary>A shipment with what it drew from each license line and the obligations it created.</summary>
    public sealed record ShipmentView(long Id, long OrderId, DateOnly Date, string Destination, InvoiceView Invoice, IReadOnlyList<ShipmentLineView> Lines,
        IReadOnlyList<ObligationView> Obligations, DateTime CreatedAt);

    public sealed record InvoiceView(string Number, DateOnly Date, decimal Amount);

    public sealed record ShipmentLineView(int Line, string Item, long Quantity, decimal Value, long? LicenseId, long? LicenseLineId);

    public sealed record ObligationView(long Id, long ShipmentId, string License, string Currency, decimal Rate, decimal InvoiceAmount, decimal Amount,
        DateOnly InvoiceDate, string Quarter, string Basis);

    public sealed record ChinaApprovalView(long Id, string Buyer, string Country, string Item, long Quantity, string Status, DateOnly Date,
        string Authority, string Reference, string? Conditions, string CreatedBy, DateTime CreatedAt);

    public sealed record StatementView(string Quarter, string Basis, IReadOnlyList<StatementRow> Licenses);

    public sealed record PaymentView(long Id, string License, string Quarter, decimal Amount, DateOnly Date, string Reference, string RecordedBy, DateTime RecordedAt);

    /// <summary>Ships units of the order's lines. 201 with the drawdown and obligations; 409 with every reason and
    /// nothing drawn; the same <c>Idempotency-Key</c> with the same body returns the first answer (200), with a different
    /// body 422 naming the first shipment.</summary>
    static async Task<Results<Created<ShipmentView>, Ok<ShipmentView>, NotFound, ValidationProblem, ProblemHttpResult>> Ship(
        long id, ShipmentRequest request, [FromHeader(Name = OrdersApi.IdempotencyKeyHeader)] string? idempotencyKey, ClaimsPrincipal caller,
        ShipmentWorkflow shipments, HttpResponse response, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(idempotencyKey) || idempotencyKey.Length > ShipmentWorkflow.MaximumIdempotencyKeyLength)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [OrdersApi.IdempotencyKeyHeader] = [$"Required header: 1 to {ShipmentWorkflow.MaximumIdempotencyKeyLength} characters, the same on every retry of this shipment."],
            });
        }

        var outcome = await shipments.ShipAsync(caller.UserName(), id, idempotencyKey, request, ct);
        switch (outcome.Result)
        {
            case ShipmentResult.Created:
                return TypedResults.Created($"/api/orders/{id.ToString(CultureInfo.InvariantCulture)}/shipments/{outcome.Shipment!.Id.ToString(CultureInfo.InvariantCulture)}",
                    View(outcome.Shipment, outcome.Obligations));
            case ShipmentResult.Replayed:
                response.Headers["Idempotent-Replayed"] = "true";
                return TypedResults.Ok(View(outcome.Shipment!, outcome.Obligations));
            case ShipmentResult.NotFound:
                return TypedResults.NotFound();
            case ShipmentResult.Invalid:
                return TypedResults.ValidationProblem(outcome.Errors, title: "The shipment is not valid.");
            case ShipmentResult.KeyReused:
                return TypedResults.Problem(
                    $"The Idempotency-Key '{idempotencyKey}' was used for shipment {outcome.FirstShipmentId!.Value.ToString(CultureInfo.InvariantCulture)} with a different request; nothing was stored.",
                    statusCode: StatusCodes.Status422UnprocessableEntity, title: "Idempotency-Key reused with a different request.",
                    extensions: new Dictionary<string, object?> { ["idempotencyKey"] = idempotencyKey, ["shipmentId"] = outcome.FirstShipmentId });
            default:
                return TypedResults.Problem(string.Join(" ", outcome.Reasons.Select(r => r.Message)), statusCode: StatusCodes.Status409Conflict,
                    title: "The shipment is refused; nothing was drawn.",
                    extensions: new Dictionary<string, object?> { ["reasons"] = outcome.Reasons });
        }
    }

    static async Task<Results<Created<ChinaApprovalView>, ValidationProblem>> RecordApproval(
        ChinaApprovalRequest request, ClaimsPrincipal caller, ChinaApprovalWorkflow approvals, CancellationToken ct)
    {
        var (approval, errors) = await approvals.RecordAsync(caller.UserName(), request, ct);
        return approval is null
            ? TypedResults.ValidationProblem(errors, title: "The approval is not valid.")
            : TypedResults.Created($"/api/china-approvals/{approval.Id.ToString(CultureInfo.InvariantCulture)}", View(approval));
    }

    /// <summary>Newest first, at most 1000.</summary>
    static async Task<Ok<IReadOnlyList<ChinaApprovalView>>> ListApprovals(ChinaApprovalWorkflow approvals, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<ChinaApprovalView>>([.. (await approvals.ListAsync(ct)).Select(View)]);

    /// <summary>Obligations by invoice date (inclusive) and license number, oldest first.</summary>
    static async Task<Results<Ok<IReadOnlyList<ObligationView>>, ValidationProblem>> ListObligations(
        DateOnly? from, DateOnly? to, string? license, ObligationWorkflow ledger, CancellationToken ct)
    {
        if (from > to)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["to"] = ["Must not be before 'from'."] });
        }

        return TypedResults.Ok<IReadOnlyList<ObligationView>>([.. (await ledger.ListAsync(from, to, license, ct)).Select(View)]);
    }

    /// <summary>Per license: invoiced, obligation, paid, outstanding in the quarter. <c>format=csv</c> for CSV.</summary>
    static async Task<Results<Ok<StatementView>, FileContentHttpResult, ValidationProblem>> Statement(
        string? quarter, string? format, ObligationWorkflow ledger, CancellationToken ct)
    {
        if (Money.ParseQuarter(quarter) is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["quarter"] = ["Required: a calendar quarter such as 2025Q3."] });
        }

        if (format is not (null or "json" or "csv"))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["format"] = ["json or csv."] });
        }

        var rows = await ledger.StatementAsync(quarter!, ct);
        if (format != "csv")
        {
            return TypedResults.Ok(new StatementView(quarter!, ObligationWorkflow.LegalBasis, rows));
        }

        var text = CsvText.Write(rows.Select(row => new StatementCsvRow(
                row.License, row.Quarter, row.Currency, string.Join(";", row.Rates.Select(r => r.ToString("G29", CultureInfo.InvariantCulture))),
                Amount(row.Invoiced), Amount(row.Obligation), Amount(row.Paid), Amount(row.Outstanding), row.Shipments)),
            ObligationWorkflow.LegalBasis);
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(text), "text/csv", $"obligations-{quarter}.csv");
    }

    static async Task<Results<Created<PaymentView>, ValidationProblem>> RecordPayment(
        PaymentRequest request, ClaimsPrincipal caller, ObligationWorkflow ledger, CancellationToken ct)
    {
        var (payment, errors) = await ledger.RecordPaymentAsync(caller.UserName(), request, ct);
        return payment is null
            ? TypedResults.ValidationProblem(errors, title: "The payment is not valid.")
            : TypedResults.Created($"/api/obligations/payments/{payment.Id.ToString(CultureInfo.InvariantCulture)}",
                new PaymentView(payment.Id, payment.LicenseNumber, payment.Quarter, payment.Amount, payment.Date, payment.Reference, payment.RecordedBy, payment.RecordedAt));
    }

    static string Amount(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    static ShipmentView View(Shipment shipment, IReadOnlyList<Obligation> obligations) => new(
        shipment.Id, shipment.OrderId, shipment.ShipDate, shipment.Destination, new InvoiceView(shipment.InvoiceNumber, shipment.InvoiceDate, shipment.InvoiceAmount),
        [.. shipment.Lines.OrderBy(l => l.Id).Select(l => new ShipmentLineView(l.OrderLine, l.Item, l.Quantity, l.Value, l.LicenseId, l.LicenseLineId))],
        [.. obligations.Select(View)], shipment.CreatedAt);

    static ObligationView View(Obligation o) =>
        new(o.Id, o.ShipmentId, o.LicenseNumber, o.Currency, o.Rate, o.InvoiceAmount, o.Amount, o.InvoiceDate, o.Quarter, ObligationWorkflow.LegalBasis);

    static ChinaApprovalView View(ChinaApproval a) =>
        new(a.Id, a.Buyer, a.Country, a.Item, a.Quantity, a.Status, a.Date, a.Authority, a.Reference, a.Conditions, a.CreatedBy, a.CreatedAt);
}

/// <summary>One license's line of the quarterly statement's CSV: amounts already written with two decimals.</summary>
sealed record StatementCsvRow(
    [property: Name("license")] string License,
    [property: Name("quarter")] string Quarter,
    [property: Name("currency")] string Currency,
    [property: Name("rates")] string Rates,
    [property: Name("invoiced")] string Invoiced,
    [property: Name("obligation")] string Obligation,
    [property: Name("paid")] string Paid,
    [property: Name("outstanding")] string Outstanding,
    [property: Name("shipments")] int Shipments);
