using Clearance.Web.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Clearance.Web.Pages.Licenses;

[Authorize(Policy = Policies.ReadOrders)]
public sealed class LicensesModel : PageModel
{
    public void OnGet()
    {
    }
}
