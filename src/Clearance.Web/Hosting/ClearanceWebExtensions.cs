using System.Security.Cryptography.X509Certificates;
using Clearance.Data;
using Clearance.Lists;
using Clearance.Users;
using Clearance.Web.Lists;
using Clearance.Web.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Clearance.Web.Hosting;

public static class ClearanceWebExtensions
{
    /// <summary>Requests larger than this are refused with 413; an order with thousands of lines fits well inside.</summary>
    public const long MaxRequestBodyBytes = 1024 * 1024;

    const string SelectScheme = "ApiKeyOrCookie";

    /// <summary>A PKCS#12 file whose certificate encrypts the data-protection keys stored in the database.</summary>
    public const string KeyCertificatePath = "DataProtection:CertificatePath";

    public const string KeyCertificatePassword = "DataProtection:CertificatePassword";

    // No inline script or style anywhere: the server-rendered pages load their scripts and styles from this host.
    const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
        + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    // The /scalar API reference is a single page that configures itself with an inline script and inline styles.
    const string ApiReferencePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Where <c>MapScalarApiReference</c> serves the API reference by default.</summary>
    public const string ApiReferencePath = "/scalar";

    public static IServiceCollection AddClearanceWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddProblemDetails();
        services.AddExceptionHandler<BadRequestExceptionHandler>();

        // Bad input reaches BadRequestExceptionHandler as an exception naming the parameter, in every environment.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        // A member given twice in a request body is refused with its path, not resolved by "last wins".
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.AllowDuplicateProperties = false;
            ApiJson.Configure(o.SerializerOptions);
        });
        services.AddOpenApi(o => o.AddDocumentTransformer<BearerSecuritySchemeTransformer>());
        services.AddRazorPages();
        services.AddSingleton<Pages.Catalog.VendorDirectory>();

        var dataProtection = services.AddDataProtection().SetApplicationName("Clearance").PersistKeysToDbContext<ClearanceDbContext>();
        if (configuration[KeyCertificatePath] is { Length: > 0 } certificate)
        {
            // Keys at rest are encrypted with the certificate's public key; without one, whoever can read the database can
            // read the keys and forge sign-in cookies (README: "Data-protection keys").
            dataProtection.ProtectKeysWithCertificate(X509CertificateLoader.LoadPkcs12FromFile(certificate, configuration[KeyCertificatePassword]));
        }

        services.Configure<KestrelServerOptions>(o => o.AddServerHeader = false);

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

                // An API answers with status codes, not redirects to a login page; a page sends a person to sign in.
                o.LoginPath = "/sign-in";
                o.AccessDeniedPath = "/forbidden";
                o.Events.OnRedirectToLogin = context => IsApi(context.Request)
                    ? SetStatus(context.Response, StatusCodes.Status401Unauthorized)
                    : Redirect(context);
                o.Events.OnRedirectToAccessDenied = context => IsApi(context.Request)
                    ? SetStatus(context.Response, StatusCodes.Status403Forbidden)
                    : Redirect(context);
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
        services.AddSingleton<SignInThrottle>();
        services.AddHostedService<ListVersionWatcher>();
        services.AddHostedService<ScreeningPassRunner>();
        // A failed download is reported once, as a warning with its cause (ListUpdateWorkflow), not as the client's stack traces.
        services.AddHttpClient("lists", c => c.Timeout = TimeSpan.FromMinutes(5)).RemoveAllLoggers();
        return services;
    }

    /// <summary>The service checkpoints SQLite's write-ahead log from a task of its own (<see cref="SqliteCheckpointer"/>)
    /// so that no commit does: the <see cref="DatabaseSettings"/> that <c>AddClearance</c> registered, with
    /// <see cref="DatabaseSettings.CheckpointInBackground"/>, and the checkpointer. Hosts that do not call this (the CLI)
    /// leave checkpointing to SQLite.</summary>
    public static IServiceCollection AddSqliteCheckpointer(this IServiceCollection services)
    {
        var database = services.LastOrDefault(d => d.ServiceType == typeof(DatabaseSettings))?.ImplementationInstance as DatabaseSettings
            ?? throw new InvalidOperationException("AddSqliteCheckpointer changes the database settings that AddClearance registers: call AddClearance first.");
        services.Replace(ServiceDescriptor.Singleton(database with { CheckpointInBackground = true }));
        services.AddHostedService<SqliteCheckpointer>();
        return services;
    }

    static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api") || ApiKeyAuthenticationHandler.HasBearer(request);

    static Task Redirect(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    static Task SetStatus(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }

    /// <summary>Loads the reference data (false, with the problem logged, when a rules file is malformed: the service
    /// must not run on half a rulebook), creates and migrates the database, and on an empty one creates the <c>admin</c> user.</summary>
    public static async Task<bool> InitializeClearanceAsync(this WebApplication app)
    {
        try
        {
            app.Services.GetRequiredService<ClearanceData>();
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            Log.ReferenceDataInvalid(app.Logger, e.Message);
            return false;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClearanceDbContext>();
        await ClearanceDatabase.MigrateAsync(db, app.Lifetime.ApplicationStopping);
        Log.DatabaseReady(app.Logger, app.Services.GetRequiredService<DatabaseSettings>().Provider.ToString());
        // Screen against the database's current list versions from the first request on.
        await scope.ServiceProvider.GetRequiredService<ListVersions>().RefreshAsync(app.Lifetime.ApplicationStopping);
        // What the first order or pass under load would otherwise pay for: the screening tables, and the first collection
        // of what the start built.
        var start = ServiceStart.Finish();
        if (start.Collected)
        {
            Log.StartFinished(app.Logger, (long)start.Loading.TotalMilliseconds, start.Tables.HanReadings, start.Tables.HanWords, start.Tables.LexiconEntries,
                start.Tables.GivenNames, (long)start.Collecting.TotalMilliseconds, start.HeapBytes / (1 << 20));
        }

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

        return true;
    }

    static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    public static WebApplication UseClearanceWeb(this WebApplication app)
    {
        app.Use(AddSecurityHeaders);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use(LimitRequestBody);
        app.Use(RefuseControlCharactersInQuery);
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    /// <summary>On every response, errors included (the exception handler clears headers set earlier, so they are set as
    /// the response starts).</summary>
    static Task AddSecurityHeaders(HttpContext context, RequestDelegate next)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments(ApiReferencePath, StringComparison.OrdinalIgnoreCase)
                ? ApiReferencePolicy
                : ContentSecurityPolicy;
            return Task.CompletedTask;
        });
        return next(context);
    }

    /// <summary>No query value may hold a control character (<see cref="FreeText"/>): a NUL would reach PostgreSQL,
    /// which refuses it, as a 500.</summary>
    static Task RefuseControlCharactersInQuery(HttpContext context, RequestDelegate next)
    {
        foreach (var (name, values) in context.Request.Query)
        {
            foreach (var value in values)
            {
                if (FreeText.ControlCharacterProblem(value) is { } problem)
                {
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]>(StringComparer.Ordinal) { [name] = [problem] })
                        .ExecuteAsync(context);
                }
            }
        }

        return next(context);
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
