using System.Globalization;
using System.Security.Claims;
using Clearance.Users;
using Clearance.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Clearance.Web.Users;

/// <summary>Cookie sign-in for browsers; integrations send an API key instead.</summary>
public static class SessionApi
{
    public static RouteGroupBuilder MapSession(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/session").WithTags("Session").WithProblemResponses();
        group.MapPost("/", SignIn).AllowAnonymous()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapGet("/", WhoAmI);
        group.MapDelete("/", SignOut);
        group.MapPut("/password", ChangePassword).ProducesProblem(StatusCodes.Status429TooManyRequests);
        return group;
    }

    public sealed record SignInRequest(string? UserName, string? Password);

    public sealed record SessionView(string UserName, string Role);

    /// <param name="CurrentPassword">Proves it is the user, not someone at an unattended browser.</param>
    /// <param name="NewPassword">At least 12 characters.</param>
    public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

    /// <summary>Signs a browser in (a cookie naming a new server-side session). Failed attempts are counted per user
    /// name and per client address: past a few, further attempts are refused with 429 and <c>Retry-After</c> for a
    /// lock-out that doubles with each failure. Every failure and every session is audited.</summary>
    static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> SignIn(
        SignInRequest request, HttpContext http, UserWorkflow users, SignInThrottle throttle, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(request.UserName) || request.UserName.Length > UserWorkflow.MaximumUserNameLength
            || string.IsNullOrEmpty(request.Password) || request.Password.Length > UserWorkflow.MaximumPasswordLength)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["userName"] = [$"Required, at most {UserWorkflow.MaximumUserNameLength} characters."],
                ["password"] = [$"Required, at most {UserWorkflow.MaximumPasswordLength} characters."],
            });
        }

        // No user name holds a control character, and PostgreSQL refuses a NUL in a query parameter.
        if (FreeText.ControlCharacterProblem(request.UserName) is { } problem)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["userName"] = [problem] });
        }

        var (result, retryAfter) = await BrowserSignIn.SignInAsync(http, users, throttle, request.UserName, request.Password, ct);
        return result switch
        {
            BrowserSignInResult.SignedIn => TypedResults.NoContent(),
            BrowserSignInResult.WrongPassword => TypedResults.Problem("Unknown user or wrong password.", statusCode: StatusCodes.Status401Unauthorized),
            BrowserSignInResult.Locked => Refused(http, retryAfter)!,
        };
    }

    static Ok<SessionView> WhoAmI(ClaimsPrincipal caller) =>
        TypedResults.Ok(new SessionView(caller.UserName(), caller.FindFirstValue(ClaimTypes.Role) ?? ""));

    /// <summary>Ends the browser's session on the server (the cookie, even if kept, is refused from now on) and clears
    /// the cookie. Integrations revoke keys instead (<c>DELETE /api/users/{userName}/api-keys</c>).</summary>
    static async Task<NoContent> SignOut(HttpContext http, UserWorkflow users, CancellationToken ct)
    {
        await BrowserSignIn.SignOutAsync(http, users, ct);
        return TypedResults.NoContent();
    }

    /// <summary>The caller's own password, proven with the current one (counted like a sign-in when wrong). The user's
    /// other browser sessions end; this one stays.</summary>
    static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ChangePassword(
        ChangePasswordRequest request, HttpContext http, ClaimsPrincipal caller, UserWorkflow users, SignInThrottle throttle, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(request.CurrentPassword) || request.CurrentPassword.Length > UserWorkflow.MaximumPasswordLength)
        {
            errors["currentPassword"] = [$"Required, at most {UserWorkflow.MaximumPasswordLength} characters."];
        }

        if (UserWorkflow.PasswordProblem(request.NewPassword) is { } problem)
        {
            errors["newPassword"] = [problem];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var userName = caller.UserName();
        var address = BrowserSignIn.Address(http);
        if (Refused(http, throttle.RetryAfter(userName, address)) is { } refused)
        {
            return refused;
        }

        var changed = await users.ChangePasswordAsync(userName, request.CurrentPassword!, request.NewPassword!, caller.SessionTokenOf(), ct);
        if (changed == PasswordChange.WrongPassword)
        {
            var lockedFor = throttle.Failed(userName, address);
            await users.RecordSignInFailureAsync(userName, address, lockedFor, ct);
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["currentPassword"] = ["Wrong password."] });
        }

        throttle.Succeeded(userName);
        return TypedResults.NoContent();
    }

    static ProblemHttpResult? Refused(HttpContext http, TimeSpan? retryAfter)
    {
        if (retryAfter is not { } wait)
        {
            return null;
        }

        var seconds = (long)Math.Ceiling(wait.TotalSeconds);
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem($"Too many failed sign-ins for this user or from this address: try again in {seconds} s.",
            statusCode: StatusCodes.Status429TooManyRequests, title: "Sign-in locked for a while.");
    }

}
