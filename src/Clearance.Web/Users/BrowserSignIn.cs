using Clearance.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Clearance.Web.Users;

/// <summary>What a browser sign-in came to.</summary>
public enum BrowserSignInResult
{
    SignedIn,
    WrongPassword,
    Locked,
}

/// <summary>The one way a browser signs in, for the API (<c>POST /api/session</c>) and the sign-in page: the throttle
/// is asked first, the password checked, every failure counted and audited, and a success starts a server-side session
/// that the cookie names (so sign-out, a password change or disabling the user ends it).</summary>
public static class BrowserSignIn
{
    /// <summary>Signs the browser in; with <see cref="BrowserSignInResult.Locked"/>, how long the lock-out lasts.</summary>
    public static async Task<(BrowserSignInResult Result, TimeSpan RetryAfter)> SignInAsync(
        HttpContext http, UserWorkflow users, SignInThrottle throttle, string userName, string password, CancellationToken ct)
    {
        var address = Address(http);
        if (throttle.RetryAfter(userName, address) is { } wait)
        {
            return (BrowserSignInResult.Locked, wait);
        }

        var user = await users.AuthenticatePasswordAsync(userName, password, ct);
        if (user is null)
        {
            var lockedFor = throttle.Failed(userName, address);
            await users.RecordSignInFailureAsync(userName, address, lockedFor, ct);
            return (BrowserSignInResult.WrongPassword, TimeSpan.Zero);
        }

        throttle.Succeeded(userName);
        var token = await users.StartSessionAsync(user, address, ct);
        var scheme = CookieAuthenticationDefaults.AuthenticationScheme;
        await http.SignInAsync(scheme, UserClaims.Principal(user, scheme, token));
        return (BrowserSignInResult.SignedIn, TimeSpan.Zero);
    }

    /// <summary>Ends the browser's session on the server and clears its cookie.</summary>
    public static async Task SignOutAsync(HttpContext http, UserWorkflow users, CancellationToken ct)
    {
        if (http.User.SessionTokenOf() is { } token)
        {
            await users.EndSessionAsync(http.User.UserName(), token, ct);
        }

        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }

    public static string Address(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
