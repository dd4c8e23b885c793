using System.Security.Claims;
using Clearance.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Clearance.Web.Users;

/// <summary>Cookie sign-in for browsers; integrations send an API key instead.</summary>
public static class SessionApi
{
    public static RouteGroupBuilder MapSession(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/session").WithTags("Session");
        group.MapPost("/", SignIn).AllowAnonymous();
        group.MapGet("/", WhoAmI);
        group.MapDelete("/", SignOut);
        return group;
    }

    public sealed record SignInRequest(string? UserName, string? Password);

    public sealed record SessionView(string UserName, string Role);

    static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> SignIn(
        SignInRequest request, HttpContext http, UserWorkflow users, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(request.UserName) || string.IsNullOrEmpty(request.Password)
            || request.Password.Length > UserWorkflow.MaximumPasswordLength)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["userName"] = ["Required."],
                ["password"] = [$"Required, at most {UserWorkflow.MaximumPasswordLength} characters."],
            });
        }

        // No user name holds a control character, and PostgreSQL refuses a NUL in a query parameter.
        if (FreeText.ControlCharacterProblem(request.UserName) is { } problem)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["userName"] = [problem] });
        }

        var user = await users.AuthenticatePasswordAsync(request.UserName, request.Password, ct);
        if (user is null)
        {
            return TypedResults.Problem("Unknown user or wrong password.", statusCode: StatusCodes.Status401Unauthorized);
        }

        var scheme = CookieAuthenticationDefaults.AuthenticationScheme;
        await http.SignInAsync(scheme, UserClaims.Principal(user, scheme));
        return TypedResults.NoContent();
    }

    static Ok<SessionView> WhoAmI(ClaimsPrincipal caller) =>
        TypedResults.Ok(new SessionView(caller.UserName(), caller.FindFirstValue(ClaimTypes.Role) ?? ""));

    static async Task<NoContent> SignOut(HttpContext http, ClaimsPrincipal caller)
    {
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.NoContent();
    }
}
