using System.Security.Claims;
using Clearance.Rules;
using Clearance.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Clearance.Web.Users;

/// <summary>
/// A browser's cookie names a server-side session (<see cref="Session"/>). Each request checks it against the database:
/// a session ended (sign-out, password change or reset, the user disabled) or unknown is refused and the cookie cleared,
/// on every instance, even when the cookie itself is still valid; a role changed since applies to the next request and
/// the cookie is reissued with it. Browsers send few requests; integrations use API keys (<see cref="ApiKeyCache"/>).
/// </summary>
public static class SessionValidation
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var token = context.Principal?.SessionTokenOf();
        var users = context.HttpContext.RequestServices.GetRequiredService<UserWorkflow>();
        var user = token is null ? null : await users.FindSessionAsync(token, context.HttpContext.RequestAborted);
        if (user is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }

        var principal = context.Principal!;
        if (principal.FindFirstValue(ClaimTypes.Role) != user.Role.Name() || principal.Identity?.Name != user.UserName)
        {
            context.ReplacePrincipal(UserClaims.Principal(user, CookieAuthenticationDefaults.AuthenticationScheme, token));
            context.ShouldRenew = true;
        }
    }
}
