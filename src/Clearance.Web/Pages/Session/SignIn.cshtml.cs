using Clearance.Users;
using Clearance.Web.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Clearance.Web.Pages.Session;

[AllowAnonymous]
public sealed class SignInModel(UserWorkflow users, SignInThrottle throttle) : PageModel
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

        var (result, retryAfter) = await BrowserSignIn.SignInAsync(HttpContext, users, throttle, UserName, Password, ct);
        if (result != BrowserSignInResult.SignedIn)
        {
            Error = result == BrowserSignInResult.Locked
                ? $"Too many failed sign-ins for this user or from this address: try again in {Math.Ceiling(retryAfter.TotalSeconds):F0} s."
                : "Unknown user or wrong password.";
            Response.StatusCode = result == BrowserSignInResult.Locked ? StatusCodes.Status429TooManyRequests : StatusCodes.Status401Unauthorized;
            return Page();
        }

        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}
