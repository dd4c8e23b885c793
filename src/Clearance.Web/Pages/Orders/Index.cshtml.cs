using System.Globalization;
using Clearance.Orders;
using Clearance.Rules;
using Clearance.Web.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Clearance.Web.Pages.Orders;

[Authorize(Policy = Policies.ReadOrders)]
public sealed class OrdersModel(OrderWorkflow orders) : PageModel
{
    public const int PageSize = 50;

    public static IReadOnlyList<string> Verdicts { get; } = ["cleared", "exception", "license-required", "hold"];

    public static IReadOnlyList<(string Column, string Title)> Columns { get; } =
        [("id", "No."), ("reference", "Order id"), ("date", "Order date"), ("destination", "Destination"), ("verdict", "Verdict"), ("status", "Status"), ("submitter", "Submitted by")];

    static readonly Dictionary<string, OrderSort> Sorts = new(StringComparer.Ordinal)
    {
        ["id"] = OrderSort.Id,
        ["reference"] = OrderSort.Reference,
        ["date"] = OrderSort.OrderDate,
        ["destination"] = OrderSort.Destination,
        ["verdict"] = OrderSort.Verdict,
        ["status"] = OrderSort.Status,
        ["submitter"] = OrderSort.SubmittedBy,
    };

    [FromQuery(Name = "reference")]
    public string? Reference { get; set; }

    [FromQuery(Name = "status")]
    public string? Status { get; set; }

    [FromQuery(Name = "verdict")]
    public string? Verdict { get; set; }

    [FromQuery(Name = "destination")]
    public string? Destination { get; set; }

    [FromQuery(Name = "from")]
    public string? From { get; set; }

    [FromQuery(Name = "to")]
    public string? To { get; set; }

    [FromQuery(Name = "sort")]
    public string? Sort { get; set; }

    [FromQuery(Name = "dir")]
    public string? Dir { get; set; }

    [FromQuery(Name = "page")]
    public string? PageNumber { get; set; }

    public bool Descending => Dir != "asc";

    public Dictionary<string, string[]> Errors { get; } = new(StringComparer.Ordinal);

    public OrderPage? Result { get; private set; }

    public Pager? Pager { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Reference = Blank(Reference);
        Status = Blank(Status);
        Verdict = Blank(Verdict);
        Destination = Blank(Destination);
        var status = WireNames.Parse<OrderStatus>(Status);
        if (Status is not null && status is null)
        {
            Errors["status"] = [$"One of {string.Join(", ", WireNames.All<OrderStatus>())}."];
        }

        if (Verdict is not null && !Verdicts.Contains(Verdict, StringComparer.Ordinal))
        {
            Errors["verdict"] = [$"One of {string.Join(", ", Verdicts)}."];
        }

        if (Destination is not null && (Destination.Length != 2 || !Destination.All(char.IsAsciiLetterUpper)))
        {
            Errors["destination"] = ["An ISO 3166-1 alpha-2 code in capitals, such as CN."];
        }

        if (Reference is { Length: > OrderWorkflow.MaximumIdempotencyKeyLength })
        {
            Errors["reference"] = [$"At most {OrderWorkflow.MaximumIdempotencyKeyLength} characters."];
        }

        var from = Date("from", Blank(From));
        var to = Date("to", Blank(To));
        if (from > to)
        {
            Errors["to"] = ["Must not be before 'from'."];
        }

        Sort = Blank(Sort) ?? "id";
        if (!Sorts.TryGetValue(Sort, out var sort))
        {
            Errors["sort"] = [$"One of {string.Join(", ", Sorts.Keys)}."];
        }

        if (Dir is not (null or "" or "asc" or "desc"))
        {
            Errors["dir"] = ["asc or desc."];
        }

        var page = 1;
        if (Blank(PageNumber) is { } text && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1))
        {
            Errors["page"] = ["A page number from 1."];
        }

        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Result = await orders.PageAsync(new OrderFilter(Verdict, status, Destination, from, to, null, Reference), sort, Descending, page, PageSize, ct);
        Pager = new Pager("/orders", new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["reference"] = Reference,
            ["status"] = Status,
            ["verdict"] = Verdict,
            ["destination"] = Destination,
            ["from"] = From,
            ["to"] = To,
            ["sort"] = Sort,
            ["dir"] = Dir,
        }, Result.Page, Result.Pages, Result.Total);
        return Page();
    }

    DateOnly? Date(string field, string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Errors[field] = ["A date, YYYY-MM-DD."];
        return null;
    }

    static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
