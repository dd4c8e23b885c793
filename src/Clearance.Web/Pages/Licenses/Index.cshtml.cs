using Clearance.Licenses;
using Clearance.Web.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Clearance.Web.Pages.Licenses;

[Authorize(Policy = Policies.ReadOrders)]
public sealed class LicensesModel(LicenseApplicationWorkflow applications, LicenseWorkflow licenses) : PageModel
{
    public IReadOnlyList<ApplicationRecord> Applications { get; private set; } = [];

    public IReadOnlyList<License> Licenses { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Applications = await applications.ListAsync(ct);
        Licenses = await licenses.ListAsync(ct);
    }
}
