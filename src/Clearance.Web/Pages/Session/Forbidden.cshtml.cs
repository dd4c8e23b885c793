using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Clearance.Web.Pages.Session;

public sealed class ForbiddenModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
