using System.Security.Claims;
using Clearance.Users;

namespace Clearance.Web.Users;

public static class UserClaims
{
    public static ClaimsPrincipal Principal(AuthenticatedUser user, string scheme) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, user.UserName), new Claim(ClaimTypes.Role, user.Role.Name())], scheme));

    /// <summary>The signed-in user's name: the actor of the audit events their requests cause.</summary>
    public static string UserName(this ClaimsPrincipal principal) =>
        principal.Identity?.Name ?? throw new InvalidOperationException("The endpoint requires a signed-in user.");
}
