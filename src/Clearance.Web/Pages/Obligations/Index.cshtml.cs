using Clearance.Web.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Clearance.Web.Pages.Obligations;

[Authorize(Policy = Policies.ReadOrders)]
public sealed class ObligationsModel : PageModel
{
    public void OnGet()
    {
    }
}
