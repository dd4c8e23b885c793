using System.Globalization;
using Clearance.Shipments;
using Clearance.Web.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Clearance.Web.Pages.Obligations;

[Authorize(Policy = Policies.ReadObligations)]
public sealed class ObligationsModel(ObligationWorkflow ledger, IAuthorizationService authorization, TimeProvider clock) : PageModel
{
    /// <summary>The quarter shown, e.g. 2025Q3; the current quarter by the service's clock when not given.</summary>
    [FromQuery(Name = "quarter")]
    public string? Quarter { get; set; }

    [BindProperty(Name = "license")]
    public string? License { get; set; }

    [BindProperty(Name = "paymentQuarter")]
    public string? PaymentQuarter { get; set; }

    [BindProperty(Name = "amount")]
    public string? Amount { get; set; }

    [BindProperty(Name = "date")]
    public string? Date { get; set; }

    [BindProperty(Name = "reference")]
    public string? Reference { get; set; }

    public Dictionary<string, string[]> Errors { get; } = new(StringComparer.Ordinal);

    public string? Message { get; private set; }

    public IReadOnlyList<StatementRow> Statement { get; private set; } = [];

    public IReadOnlyList<Obligation> Rows { get; private set; } = [];

    public IReadOnlyList<ObligationPayment> Payments { get; private set; } = [];

    /// <summary>Whether the payment form is shown: the roles that may call <c>POST /api/obligations/payments</c>.</summary>
    public bool CanRecord { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Quarter = string.IsNullOrWhiteSpace(Quarter) ? Money.Quarter(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)) : Quarter.Trim();
        if (Money.ParseQuarter(Quarter) is null)
        {
            Errors["quarter"] = ["A calendar quarter such as 2025Q3."];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await CanRecordAsync();
            return Page();
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostPaymentAsync(CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.ManageLicenses)).Succeeded)
        {
            return Forbid();
        }

        Quarter = PaymentQuarter?.Trim();
        decimal? amount = null;
        if (!string.IsNullOrWhiteSpace(Amount))
        {
            if (decimal.TryParse(Amount.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var a))
            {
                amount = a;
            }
            else
            {
                Errors["amount"] = ["A number such as 1250.00, without a thousands separator."];
            }
        }

        DateOnly? date = null;
        if (!string.IsNullOrWhiteSpace(Date))
        {
            if (DateOnly.TryParseExact(Date.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                date = d;
            }
            else
            {
                Errors["date"] = ["A date written YYYY-MM-DD."];
            }
        }

        if (Errors.Count == 0)
        {
            var (payment, errors) = await ledger.RecordPaymentAsync(User.UserName(),
                new PaymentRequest(string.IsNullOrWhiteSpace(License) ? null : License.Trim(), Quarter, amount, date, Reference), ct);
            foreach (var (path, messages) in errors)
            {
                Errors[Field(path)] = messages;
            }

            if (payment is not null)
            {
                Message = $"Payment {payment.Reference} of {payment.Amount.ToString("#,##0.00", CultureInfo.InvariantCulture)} recorded for license {payment.LicenseNumber}, {payment.Quarter}.";
                License = PaymentQuarter = Amount = Date = Reference = null;
            }
        }

        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        if (Money.ParseQuarter(Quarter) is null)
        {
            Quarter = Money.Quarter(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        }

        await LoadAsync(ct);
        return Page();
    }

    /// <summary>The form's field for a JSON path of the workflow's errors ($.amount → amount).</summary>
    static string Field(string path) => path switch
    {
        "$.quarter" => "paymentQuarter",
        "$" => "payment",
        _ => path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path,
    };

    async Task LoadAsync(CancellationToken ct)
    {
        var (from, to) = Money.ParseQuarter(Quarter)!.Value;
        Statement = await ledger.StatementAsync(Quarter!, ct);
        Rows = await ledger.ListAsync(from, to, null, ct);
        Payments = await ledger.PaymentsAsync(Quarter!, ct);
        await CanRecordAsync();
    }

    async Task CanRecordAsync() => CanRecord = (await authorization.AuthorizeAsync(User, Policies.ManageLicenses)).Succeeded;
}
