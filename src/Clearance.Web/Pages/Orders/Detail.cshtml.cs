using Clearance.Alerts;
using Clearance.Licenses;
using Clearance.Orders;
using Clearance.Parties;
using Clearance.Rules;
using Clearance.Rules.Licensing;
using Clearance.Web.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Clearance.Web.Pages.Orders;

[Authorize(Policy = Policies.ReadOrders)]
public sealed class OrderDetailModel(OrderWorkflow orders, AlertWorkflow alerts, LicenseWorkflow licenses, OrderPipeline pipeline,
    IAuthorizationService authorization) : PageModel
{
    public Order? Order { get; private set; }

    public DecisionRecord? Decision { get; private set; }

    /// <summary>Each line's classification on the decision's date, recomputed from the stored order with the same classifier.</summary>
    public IReadOnlyList<Classification?> Classifications { get; private set; } = [];

    public IReadOnlyList<Alert> Alerts { get; private set; } = [];

    /// <summary>Each license-required line's coverage by line index, read from the stored order as
    /// <c>GET /api/orders/{id}</c> reads it (<see cref="LicenseJson.ReadCoverage"/>); empty before matching.</summary>
    public IReadOnlyDictionary<int, LicenseCoverage> Coverage { get; private set; } = new Dictionary<int, LicenseCoverage>();

    /// <summary>The service's id of each license the coverage names, by number; a number no license is on record under is absent.</summary>
    public IReadOnlyDictionary<string, long> LicenseIds { get; private set; } = new Dictionary<string, long>(StringComparer.Ordinal);

    /// <summary>Each screened party's owners as the order names them, by the party's index in the decision's screening.</summary>
    public IReadOnlyList<IReadOnlyList<OwnerInput>> Owners { get; private set; } = [];

    /// <summary>The order's alerts on an owner of the party in the decision's screening row <paramref name="party"/>
    /// (raised with the role "owner of" the party's role, under the owner's screening subject).</summary>
    public IReadOnlyList<Alert> OwnerAlerts(PartyScreening party, OwnerInput owner)
    {
        var role = Alert.OrderOwnerRole(party.Role.Name());
        var subject = ScreeningSubject.Key(owner.Name, [], owner.Country);
        return [.. Alerts.Where(a => string.Equals(a.Role, role, StringComparison.Ordinal) && string.Equals(a.SubjectKey, subject, StringComparison.Ordinal))];
    }

    /// <summary>The release form is shown to a compliance officer who did not submit the held order.</summary>
    public bool CanRelease { get; private set; }

    [BindProperty]
    public string? Reason { get; set; }

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostReleaseAsync(long id, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.ReleaseOrders)).Succeeded)
        {
            return Forbid();
        }

        var reason = Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > OrderWorkflow.MaximumReasonLength)
        {
            Error = $"A reason is required: why the hold may be released, 1 to {OrderWorkflow.MaximumReasonLength} characters.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }

        var outcome = await orders.ReleaseAsync(User.UserName(), id, reason, ct);
        switch (outcome.Result)
        {
            case ReleaseResult.NotFound:
                return NotFound();
            case ReleaseResult.Released:
                Message = "Released.";
                Reason = null;
                break;
            case ReleaseResult.OwnSubmission:
                Error = $"Four eyes: {outcome.Detail}.";
                Response.StatusCode = StatusCodes.Status403Forbidden;
                break;
            case ReleaseResult.NotHeld:
            case ReleaseResult.NoLongerReleasable:
                Error = $"Not released: {outcome.Detail}.";
                Response.StatusCode = StatusCodes.Status409Conflict;
                break;
        }

        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        Order = await orders.FindAsync(id, ct);
        if (Order is null)
        {
            return false;
        }

        Decision = DecisionJson.Read(Order.DecisionJson);
        var (input, _) = pipeline.Reader.ReadOne(Order.OrderJson, "order " + Order.Reference);
        Classifications = [.. Decision.Lines.Select((_, i) => input is not null && i < input.Lines.Count
            ? Classifier.Classify(input.Lines[i].Spec, Decision.AsOf, pipeline.Data.Regulation)
            : null)];
        Owners = [.. Decision.Screening.Select(p => input?.Parties
            .FirstOrDefault(i => i.Role == p.Role && string.Equals(i.Name, p.Name, StringComparison.Ordinal))
            ?.Owners ?? [])];
        Alerts = await alerts.ListAsync(new AlertFilter(null, null, id, null, null), ct);
        Coverage = LicenseJson.ReadCoverage(Order.LicenseJson).ToDictionary(c => c.Line);
        LicenseIds = await licenses.IdsByNumberAsync([.. Coverage.Values.Select(c => c.Number).OfType<string>().Distinct(StringComparer.Ordinal)], ct);
        CanRelease = Order.Status == OrderStatus.Held
            && !string.Equals(Order.SubmittedBy, User.UserName(), StringComparison.Ordinal)
            && (await authorization.AuthorizeAsync(User, Policies.ReleaseOrders)).Succeeded;
        return true;
    }
}
