using Clearance.Users;
using Clearance.Web.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Clearance.Web.Pages.Session;

[AllowAnonymous]
public sealed class SignOutModel(UserWorkflow users) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await BrowserSignIn.SignOutAsync(HttpContext, users, ct);
        return LocalRedirect("/sign-in");
    }
}
