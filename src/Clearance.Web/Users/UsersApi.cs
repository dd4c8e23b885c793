using System.Security.Claims;
using Clearance.Users;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Clearance.Web.Users;

public static class UsersApi
{
    public static RouteGroupBuilder MapUsers(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/users").WithTags("Users").RequireAuthorization(Policies.ManageUsers);
        group.MapPost("/", CreateUser);
        group.MapGet("/{userName}", GetUser);
        group.MapPost("/{userName}/api-keys", IssueApiKey);
        group.MapDelete("/{userName}/api-keys", RevokeApiKeys);
        group.MapPut("/{userName}/role", ChangeRole);
        return group;
    }

    public sealed record ChangeRoleRequest(string? Role);

    /// <param name="UserName">Whose keys they were.</param>
    /// <param name="Revoked">How many keys stopped working.</param>
    public sealed record RevokedApiKeysView(string UserName, int Revoked);

    public sealed record CreateUserRequest(string? UserName, string? Role, string? Password);

    public sealed record UserView(string UserName, string Role, bool HasPassword, DateTime CreatedAt, string CreatedBy);

    public sealed record IssueApiKeyRequest(DateTime? ExpiresAt);

    /// <param name="UserName">Whose key it is.</param>
    /// <param name="Key">Shown once: only its hash is stored.</param>
    /// <param name="Prefix">The key's first characters, to tell keys apart later.</param>
    /// <param name="ExpiresAt">When the key stops working (UTC).</param>
    public sealed record ApiKeyView(string UserName, string Key, string Prefix, DateTime? ExpiresAt);

    static UserView ToView(this User user) =>
        new(user.UserName, user.Role.Name(), user.PasswordHash is not null, user.CreatedAt, user.CreatedBy);

    static async Task<Results<Created<UserView>, ValidationProblem, ProblemHttpResult>> CreateUser(
        CreateUserRequest request, ClaimsPrincipal caller, UserWorkflow users, CancellationToken ct)
    {
        var errors = UserWorkflow.Validate(request.UserName, request.Role, request.Password);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var user = await users.CreateUserAsync(caller.UserName(), request.UserName!, RoleNames.Parse(request.Role)!.Value, request.Password, ct);
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
    /// <see cref="ApiKeyCache.Lifetime"/>; a browser session keeps its role until it signs in again.</summary>
    static async Task<Results<Ok<UserView>, ValidationProblem, NotFound>> ChangeRole(
        string userName, ChangeRoleRequest request, ClaimsPrincipal caller, UserWorkflow users, ApiKeyCache keys, CancellationToken ct)
    {
        if (RoleNames.Parse(request.Role) is not { } role)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["role"] = [$"One of {string.Join(", ", RoleNames.All.Select(r => r.Name()))}."] });
        }

        var changed = await users.ChangeRoleAsync(caller.UserName(), userName, role, ct);
        keys.Clear();
        return changed && await users.FindAsync(userName, ct) is { } user ? TypedResults.Ok(user.ToView()) : TypedResults.NotFound();
    }
}
