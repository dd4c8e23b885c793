using Clearance.Data;
using Clearance.Lists;
using Clearance.Users;
using Clearance.Web.Lists;
using Clearance.Web.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace Clearance.Web.Hosting;

public static class ClearanceWebExtensions
{
    /// <summary>Requests larger than this are refused with 413; an order with thousands of lines fits well inside.</summary>
    public const long MaxRequestBodyBytes = 1024 * 1024;

    const string SelectScheme = "ApiKeyOrCookie";

    public static IServiceCollection AddClearanceWeb(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddExceptionHandler<BadRequestExceptionHandler>();

        // Bad input reaches BadRequestExceptionHandler as an exception naming the parameter, in every environment.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddOpenApi(o => o.AddDocumentTransformer<BearerSecuritySchemeTransformer>());

        services.AddDataProtection().SetApplicationName("Clearance");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider => new ConfigureOptions<KeyManagementOptions>(
            o => o.XmlRepository = new DatabaseXmlRepository(provider.GetRequiredService<IServiceScopeFactory>())));

        services.AddAuthentication(SelectScheme)
            .AddPolicyScheme(SelectScheme, "API key or cookie", o => o.ForwardDefaultSelector = context =>
                ApiKeyAuthenticationHandler.HasBearer(context.Request) ? ApiKeyAuthenticationHandler.SchemeName : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddCookie(o =>
            {
                o.Cookie.Name = "clearance";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;

                // An API answers with status codes, not redirects to a login page.
                o.Events.OnRedirectToLogin = context => SetStatus(context.Response, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = context => SetStatus(context.Response, StatusCodes.Status403Forbidden);
                o.Events.OnValidatePrincipal = SessionValidation.ValidateAsync;
            });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.ManageUsers, p => p.RequireRole(RoleNames.Admin))
            .AddPolicy(Policies.ReadAudit, p => p.RequireRole(RoleNames.Auditor, RoleNames.Admin))
            .AddPolicy(Policies.SubmitOrders, p => p.RequireRole(RoleNames.Sales, RoleNames.Admin))
            .AddPolicy(Policies.ReadOrders, p => p.RequireRole(RoleNames.Viewer, RoleNames.Sales, RoleNames.ComplianceOfficer, RoleNames.Auditor, RoleNames.Admin))
            .AddPolicy(Policies.ReleaseOrders, p => p.RequireRole(RoleNames.ComplianceOfficer))
            .AddPolicy(Policies.ReadScreening, p => p.RequireRole(RoleNames.Viewer, RoleNames.Sales, RoleNames.ComplianceOfficer, RoleNames.Auditor, RoleNames.Admin))
            .AddPolicy(Policies.ManageParties, p => p.RequireRole(RoleNames.Sales, RoleNames.ComplianceOfficer, RoleNames.Admin))
            .AddPolicy(Policies.DispositionAlerts, p => p.RequireRole(RoleNames.ComplianceOfficer))
            .AddPolicy(Policies.ImportLists, p => p.RequireRole(RoleNames.ComplianceOfficer, RoleNames.Admin))
            .AddPolicy(Policies.ManageLicenses, p => p.RequireRole(RoleNames.ComplianceOfficer, RoleNames.Admin))
            .AddPolicy(Policies.ReadObligations, p => p.RequireRole(RoleNames.ComplianceOfficer, RoleNames.Auditor, RoleNames.Admin));
        services.AddSingleton<ApiKeyCache>();
        services.AddHostedService<ListVersionWatcher>();
        services.AddHostedService<SqliteCheckpointer>();
        services.AddHttpClient("lists", c => c.Timeout = TimeSpan.FromMinutes(5));
        return services;
    }

    static Task SetStatus(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }

    /// <summary>Creates and migrates the database, and on an empty one creates the <c>admin</c> user.</summary>
    public static async Task InitializeClearanceAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClearanceDbContext>();
        await ClearanceDatabase.MigrateAsync(db, app.Lifetime.ApplicationStopping);
        Log.DatabaseReady(app.Logger, app.Services.GetRequiredService<DatabaseSettings>().Provider.ToString());
        // Screen against the database's current list versions from the first request on.
        await scope.ServiceProvider.GetRequiredService<ListVersions>().RefreshAsync(ClearanceData.DefaultDirectory, app.Lifetime.ApplicationStopping);

        var password = NullIfEmpty(app.Configuration["CLEARANCE_ADMIN_PASSWORD"]);
        var apiKey = NullIfEmpty(app.Configuration["CLEARANCE_ADMIN_API_KEY"]);
        var bootstrap = await scope.ServiceProvider.GetRequiredService<UserWorkflow>().EnsureAdminAsync(password, apiKey, app.Lifetime.ApplicationStopping);
        if (bootstrap.GeneratedPassword is not null)
        {
            Log.AdminCreatedWithGeneratedPassword(app.Logger, bootstrap.GeneratedPassword);
        }
        else if (bootstrap.Created)
        {
            Log.AdminCreatedWithConfiguredPassword(app.Logger);
        }
    }

    static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    public static WebApplication UseClearanceWeb(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use(LimitRequestBody);
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    static Task LimitRequestBody(HttpContext context, RequestDelegate next)
    {
        // List uploads declare a larger limit on their endpoint; everything else gets the order-sized one.
        var maximum = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? MaxRequestBodyBytes;
        if (context.Request.ContentLength > maximum)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return Task.CompletedTask;
        }

        // Bodies without a length (chunked) are cut off by the server at the same size.
        var limit = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (limit is { IsReadOnly: false })
        {
            limit.MaxRequestBodySize = maximum;
        }

        return next(context);
    }
}
