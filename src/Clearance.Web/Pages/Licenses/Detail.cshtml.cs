using Clearance.Web.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Clearance.Web.Pages.Licenses;

[Authorize(Policy = Policies.ReadOrders)]
public sealed class LicenseModel : PageModel
{
    // No license exists in this build: the page says so, with the status of a missing resource.
    public IActionResult OnGet()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
