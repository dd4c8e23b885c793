using Clearance.Users;
using Clearance.Web.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Clearance.Web.Pages.Session;

[AllowAnonymous]
public sealed class SignInModel(UserWorkflow users) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrEmpty(UserName) || string.IsNullOrEmpty(Password) || Password.Length > UserWorkflow.MaximumPasswordLength)
        {
            Error = $"User name and password are required (a password has at most {UserWorkflow.MaximumPasswordLength} characters).";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var user = await users.AuthenticatePasswordAsync(UserName, Password, ct);
        if (user is null)
        {
            Error = "Unknown user or wrong password.";
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }

        var scheme = CookieAuthenticationDefaults.AuthenticationScheme;
        await HttpContext.SignInAsync(scheme, UserClaims.Principal(user, scheme));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}
