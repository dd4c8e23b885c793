using System.Security.Claims;
using Clearance.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Clearance.Web.Users;

/// <summary>
/// A browser's cookie carries the role its user had at sign-in. Each request checks it against the database, so a role
/// changed since (on any instance) applies to the next request and the cookie is reissued with it, and a user who no
/// longer exists is signed out. Browsers send few requests; integrations use API keys (<see cref="ApiKeyCache"/>).
/// </summary>
public static class SessionValidation
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal?.Identity?.Name is not { } userName)
        {
            return;
        }

        var users = context.HttpContext.RequestServices.GetRequiredService<UserWorkflow>();
        var user = await users.FindAsync(userName, context.HttpContext.RequestAborted);
        if (user is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }

        if (context.Principal.FindFirstValue(ClaimTypes.Role) != user.Role.Name())
        {
            context.ReplacePrincipal(UserClaims.Principal(new AuthenticatedUser(user.UserName, user.Role), CookieAuthenticationDefaults.AuthenticationScheme));
            context.ShouldRenew = true;
        }
    }
}
