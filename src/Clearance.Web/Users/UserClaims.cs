using System.Security.Claims;
using Clearance.Rules;
using Clearance.Users;

namespace Clearance.Web.Users;

public static class UserClaims
{
    /// <summary>The claim a browser's cookie carries its session's token in (<see cref="Session"/>).</summary>
    public const string SessionToken = "clearance:session";

    public static ClaimsPrincipal Principal(AuthenticatedUser user, string scheme, string? sessionToken = null)
    {
        List<Claim> claims = [new(ClaimTypes.Name, user.UserName), new(ClaimTypes.Role, user.Role.Name())];
        if (sessionToken is not null)
        {
            claims.Add(new Claim(SessionToken, sessionToken));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    /// <summary>The signed-in user's name: the actor of the audit events their requests cause.</summary>
    public static string UserName(this ClaimsPrincipal principal) =>
        principal.Identity?.Name ?? throw new InvalidOperationException("The endpoint requires a signed-in user.");

    /// <summary>The browser session's token; null for an API key.</summary>
    public static string? SessionTokenOf(this ClaimsPrincipal principal) => principal.FindFirstValue(SessionToken);
}
