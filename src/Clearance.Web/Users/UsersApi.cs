using System.Security.Claims;
using Clearance.Rules;
using Clearance.Users;
using Clearance.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Clearance.Web.Users;

public static class UsersApi
{
    public static RouteGroupBuilder MapUsers(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/users").WithTags("Users").RequireAuthorization(Policies.ManageUsers).WithProblemResponses();
        group.MapPost("/", CreateUser).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{userName}", GetUser);
        group.MapPost("/{userName}/api-keys", IssueApiKey);
        group.MapDelete("/{userName}/api-keys", RevokeApiKeys);
        group.MapPut("/{userName}/role", ChangeRole).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPut("/{userName}/password", ResetPassword);
        group.MapPost("/{userName}/disable", Disable).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{userName}/enable", Enable);
        return group;
    }

    public sealed record ChangeRoleRequest(string? Role);

    /// <param name="Password">The user's new password (at least 12 characters); every session of the user ends.</param>
    public sealed record ResetPasswordRequest(string? Password);

    /// <param name="UserName">Whose keys they were.</param>
    /// <param name="Revoked">How many keys stopped working.</param>
    public sealed record RevokedApiKeysView(string UserName, int Revoked);

    public sealed record CreateUserRequest(string? UserName, string? Role, string? Password);

    /// <param name="UserName">The user's name.</param>
    /// <param name="Role">viewer, sales, compliance-officer, auditor or admin.</param>
    /// <param name="HasPassword">False for a user who only calls the API with keys.</param>
    /// <param name="CreatedAt">When the user was created (UTC).</param>
    /// <param name="CreatedBy">Who created it.</param>
    /// <param name="Disabled">True while the user may not sign in or use its keys.</param>
    public sealed record UserView(string UserName, string Role, bool HasPassword, DateTime CreatedAt, string CreatedBy, bool Disabled);

    public sealed record IssueApiKeyRequest(DateTime? ExpiresAt);

    /// <param name="UserName">Whose key it is.</param>
    /// <param name="Key">Shown once: only its hash is stored.</param>
    /// <param name="Prefix">The key's first characters, to tell keys apart later.</param>
    /// <param name="ExpiresAt">When the key stops working (UTC).</param>
    public sealed record ApiKeyView(string UserName, string Key, string Prefix, DateTime? ExpiresAt);

    static UserView ToView(this User user) =>
        new(user.UserName, user.Role.Name(), user.PasswordHash is not null, user.CreatedAt, user.CreatedBy, !user.IsEnabled);

    static async Task<Results<Created<UserView>, ValidationProblem, ProblemHttpResult>> CreateUser(
        CreateUserRequest request, ClaimsPrincipal caller, UserWorkflow users, CancellationToken ct)
    {
        var errors = UserWorkflow.Validate(request.UserName, request.Role, request.Password);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var user = await users.CreateUserAsync(caller.UserName(), request.UserName!, WireNames.Parse<Role>(request.Role)!.Value, request.Password, ct);
        return user is null
            ? TypedResults.Problem($"A user named '{request.UserName}' already exists.", statusCode: StatusCodes.Status409Conflict)
            : TypedResults.Created($"/api/users/{user.UserName}", user.ToView());
    }

    static async Task<Results<Ok<UserView>, NotFound>> GetUser(string userName, UserWorkflow users, CancellationToken ct)
    {
        var user = await users.FindAsync(userName, ct);
        return user is null ? TypedResults.NotFound() : TypedResults.Ok(user.ToView());
    }

    static async Task<Results<Created<ApiKeyView>, ValidationProblem, NotFound>> IssueApiKey(
        string userName, IssueApiKeyRequest? request, ClaimsPrincipal caller, UserWorkflow users, TimeProvider clock, CancellationToken ct)
    {
        var expiresAt = request?.ExpiresAt?.ToUniversalTime();
        if (expiresAt <= clock.GetUtcNow().UtcDateTime)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["expiresAt"] = ["Must be in the future."] });
        }

        var issued = await users.IssueApiKeyAsync(caller.UserName(), userName, expiresAt, ct);
        return issued is null
            ? TypedResults.NotFound()
            : TypedResults.Created((string?)null, new ApiKeyView(issued.UserName, issued.Key, issued.Prefix, issued.ExpiresAt));
    }

    /// <summary>Every key of the user stops working, on this instance at once and on others within
    /// <see cref="ApiKeyCache.Lifetime"/>.</summary>
    static async Task<Results<Ok<RevokedApiKeysView>, NotFound>> RevokeApiKeys(
        string userName, ClaimsPrincipal caller, UserWorkflow users, ApiKeyCache keys, CancellationToken ct)
    {
        var revoked = await users.RevokeApiKeysAsync(caller.UserName(), userName, ct);
        keys.Clear();
        return revoked is { } count ? TypedResults.Ok(new RevokedApiKeysView(userName, count)) : TypedResults.NotFound();
    }

    /// <summary>The new role applies to the user's keys on this instance at once and on others within
    /// <see cref="ApiKeyCache.Lifetime"/>, and to its browser sessions on their next request. The last enabled admin
    /// keeps its role (409).</summary>
    static async Task<Results<Ok<UserView>, ValidationProblem, NotFound, ProblemHttpResult>> ChangeRole(
        string userName, ChangeRoleRequest request, ClaimsPrincipal caller, UserWorkflow users, ApiKeyCache keys, CancellationToken ct)
    {
        if (WireNames.Parse<Role>(request.Role) is not { } role)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["role"] = [$"One of {string.Join(", ", WireNames.All<Role>())}."] });
        }

        var changed = await users.ChangeRoleAsync(caller.UserName(), userName, role, ct);
        keys.Clear();
        return await ViewAsync(changed, userName, users, ct);
    }

    /// <summary>An admin sets a user's password (a user who forgot it); every browser session of the user ends.</summary>
    static async Task<Results<Ok<UserView>, ValidationProblem, NotFound, ProblemHttpResult>> ResetPassword(
        string userName, ResetPasswordRequest request, ClaimsPrincipal caller, UserWorkflow users, CancellationToken ct)
    {
        if (UserWorkflow.PasswordProblem(request.Password) is { } problem)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["password"] = [problem] });
        }

        return await ViewAsync(await users.ResetPasswordAsync(caller.UserName(), userName, request.Password!, ct), userName, users, ct);
    }

    /// <summary>The user can no longer sign in, its sessions end and its keys stop working (at once on this instance,
    /// within <see cref="ApiKeyCache.Lifetime"/> on others). The last enabled admin cannot be disabled (409).</summary>
    static async Task<Results<Ok<UserView>, ValidationProblem, NotFound, ProblemHttpResult>> Disable(
        string userName, ClaimsPrincipal caller, UserWorkflow users, ApiKeyCache keys, CancellationToken ct)
    {
        var changed = await users.SetEnabledAsync(caller.UserName(), userName, enabled: false, ct);
        keys.Clear();
        return await ViewAsync(changed, userName, users, ct);
    }

    static async Task<Results<Ok<UserView>, ValidationProblem, NotFound, ProblemHttpResult>> Enable(
        string userName, ClaimsPrincipal caller, UserWorkflow users, ApiKeyCache keys, CancellationToken ct)
    {
        var changed = await users.SetEnabledAsync(caller.UserName(), userName, enabled: true, ct);
        keys.Clear();
        return await ViewAsync(changed, userName, users, ct);
    }

    static async Task<Results<Ok<UserView>, ValidationProblem, NotFound, ProblemHttpResult>> ViewAsync(
        UserChange change, string userName, UserWorkflow users, CancellationToken ct) => change switch
        {
            UserChange.Changed => await users.FindAsync(userName, ct) is { } user ? TypedResults.Ok(user.ToView()) : TypedResults.NotFound(),
            UserChange.NotFound => TypedResults.NotFound(),
            UserChange.LastAdmin => TypedResults.Problem(
                $"'{userName}' is the last enabled admin: make another user admin first, or nobody could manage users.",
                statusCode: StatusCodes.Status409Conflict, title: "The last admin stays."),
        };
}
