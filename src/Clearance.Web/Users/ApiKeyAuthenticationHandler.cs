using System.Text.Encodings.Web;
using Clearance.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Clearance.Web.Users;

/// <summary><c>Authorization: Bearer &lt;api key&gt;</c>: the key is hashed and looked up (through <see cref="ApiKeyCache"/>);
/// unknown and expired keys fail.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyCache cache, IServiceProvider services)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    const string Bearer = "Bearer ";

    public static bool HasBearer(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith(Bearer, StringComparison.OrdinalIgnoreCase);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var key = header[Bearer.Length..].Trim();
        var user = key.Length is 0 or > 256
            ? null
            : await cache.AuthenticateAsync(ApiKeys.Hash(key), (hash, ct) => services.GetRequiredService<UserWorkflow>().FindApiKeyAsync(hash, ct), Context.RequestAborted);
        return user is null
            ? AuthenticateResult.Fail("Unknown or expired API key.")
            : AuthenticateResult.Success(new AuthenticationTicket(UserClaims.Principal(user, SchemeName), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return base.HandleChallengeAsync(properties);
    }
}
