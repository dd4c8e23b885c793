using System.Net;
using System.Net.Http.Json;
using Clearance.Rules;
using Clearance.Tests.Databases;
using Clearance.Users;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Clearance.Web.Tests;

public sealed class SqliteAuthorizationMatrixTests : AuthorizationMatrixTests<SqliteDatabase>;

public sealed class PostgresAuthorizationMatrixTests : AuthorizationMatrixTests<PostgresDatabase>;

public abstract class AuthorizationMatrixTests<TDb>
    where TDb : ITestDatabase, new()
{
    static readonly Role[] Everyone = [Role.Viewer, Role.Sales, Role.ComplianceOfficer, Role.Auditor, Role.Admin];

    /// <summary>Callers without credentials too (null).</summary>
    static readonly Role?[] Open = [null, .. Everyone.Cast<Role?>()];

    /// <summary>
    /// Every API endpoint and who may call it (null: no credentials); other roles get 403, and no credentials 401. A role
    /// that may call an endpoint gets past authorization: any answer but 401, 403 or a server error (a business refusal
    /// such as 409 for an order whose alerts are still open is the workflow speaking, not the role check).
    /// </summary>
    static readonly (string Method, string Route, Role?[] Allowed, Func<HttpRequestMessage> Request)[] Matrix =
    [
        ("POST", "/api/session", Open, () => new(HttpMethod.Post, "/api/session")
        {
            Content = JsonContent.Create(new { userName = "admin", password = ClearanceApp.AdminPassword }),
        }),
        ("GET", "/api/session", [.. Everyone.Cast<Role?>()], () => new(HttpMethod.Get, "/api/session")),
        ("PUT", "/api/session/password", [.. Everyone.Cast<Role?>()], () => new(HttpMethod.Put, "/api/session/password")
        {
            Content = JsonContent.Create(new { currentPassword = "not the password", newPassword = "a new long password" }),
        }),
        ("DELETE", "/api/session", [.. Everyone.Cast<Role?>()], () => new(HttpMethod.Delete, "/api/session")),
        ("POST", "/api/users", [Role.Admin], () => new(HttpMethod.Post, "/api/users")
        {
            Content = JsonContent.Create(new { userName = $"u{Guid.NewGuid():N}", role = "viewer" }),
        }),
        ("GET", "/api/users/{userName}", [Role.Admin], () => new(HttpMethod.Get, "/api/users/admin")),
        ("POST", "/api/users/{userName}/api-keys", [Role.Admin], () => new(HttpMethod.Post, "/api/users/admin/api-keys")),
        // The bootstrap admin's own keys are revoked and its role set to what it is; the matrix's clients are other users.
        ("DELETE", "/api/users/{userName}/api-keys", [Role.Admin], () => new(HttpMethod.Delete, "/api/users/admin/api-keys")),
        ("PUT", "/api/users/{userName}/role", [Role.Admin], () => new(HttpMethod.Put, "/api/users/admin/role")
        {
            Content = JsonContent.Create(new { role = "admin" }),
        }),
        ("PUT", "/api/users/{userName}/password", [Role.Admin], () => new(HttpMethod.Put, $"/api/users/u{Guid.NewGuid():N}/password")
        {
            Content = JsonContent.Create(new { password = "a new long password" }),
        }),
        ("POST", "/api/users/{userName}/disable", [Role.Admin], () => new(HttpMethod.Post, $"/api/users/u{Guid.NewGuid():N}/disable")),
        ("POST", "/api/users/{userName}/enable", [Role.Admin], () => new(HttpMethod.Post, $"/api/users/u{Guid.NewGuid():N}/enable")),
        ("GET", "/api/audit/verify", [Role.Auditor, Role.Admin], () => new(HttpMethod.Get, "/api/audit/verify")),
        ("GET", "/api/audit/export", [Role.Auditor, Role.Admin], () => new(HttpMethod.Get, "/api/audit/export?from=2026-01-01&to=2026-12-31")),
        // Sales submits order 1 (held: its end user is on the Entity List); the officer then releases it.
        ("POST", "/api/orders", [Role.Sales, Role.Admin], () => OrderSamples.Post(OrderSamples.Held, Guid.NewGuid().ToString("N"))),
        ("GET", "/api/orders/{id:long}", [.. Everyone.Cast<Role?>()], () => new(HttpMethod.Get, "/api/orders/1")),
        ("GET", "/api/orders", [.. Everyone.Cast<Role?>()], () => new(HttpMethod.Get, "/api/orders?verdict=hold")),
        ("POST", "/api/orders/{id:long}/release", [Role.ComplianceOfficer], () => new(HttpMethod.Post, "/api/orders/1/release")
        {
            Content = JsonContent.Create(new { reason = "end-use statement on file" }),
        }),
        // Sales creates party 1 (Sugon, on the Entity List); the officer dispositions alert 1 (raised by order 1).
        ("POST", "/api/parties", [Role.Sales, Role.ComplianceOfficer, Role.Admin], () => new(HttpMethod.Post, "/api/parties")
        {
            Content = JsonContent.Create(new { name = "Sugon", country = "CN" }),
        }),
        ("PUT", "/api/parties/{id:long}", [Role.Sales, Role.ComplianceOfficer, Role.Admin], () => new(HttpMethod.Put, "/api/parties/1")
        {
            Content = JsonContent.Create(new { name = "Sugon", country = "CN", address = "Haidian District, Beijing" }),
        }),
        ("GET", "/api/parties/{id:long}", [.. Everyone.Cast<Role?>()], () => new(HttpMethod.Get, "/api/parties/1")),
        ("GET", "/api/parties", [.. Everyone.Cast<Role?>()], () => new(HttpMethod.Get, "/api/parties?country=CN")),
        ("GET", "/api/alerts/{id:long}", [.. Everyone.Cast<Role?>()], () => new(HttpMethod.Get, "/api/alerts/1")),
        ("GET", "/api/alerts", [.. Everyone.Cast<Role?>()], () => new(HttpMethod.Get, "/api/alerts?status=open")),
        ("POST", "/api/alerts/{id:long}/disposition", [Role.ComplianceOfficer], () => new(HttpMethod.Post, "/api/alerts/1/disposition")
        {
            Content = JsonContent.Create(new { disposition = "true-match", reason = "same registry number" }),
        }),
        // The officer imports a version (201), the admin the same file again (200, unchanged).
        ("POST", "/api/lists/versions", [Role.ComplianceOfficer, Role.Admin], () => new(HttpMethod.Post, "/api/lists/versions?fileName=watch.csv")
        {
            Content = new StringContent("id,name,aliases,country,list\nC-1,Acme Trading Nowhere,,VN,Company watch list\n"),
        }),
        // The officer downloads a CSL from the local list server (201), the admin the same copy again (200, unchanged).
        ("POST", "/api/lists/update", [Role.ComplianceOfficer, Role.Admin], () => new(HttpMethod.Post, "/api/lists/update")),
        ("POST", "/api/lists/versions/{id:long}/approve", [Role.ComplianceOfficer, Role.Admin], () => new(HttpMethod.Post, "/api/lists/versions/999999/approve")),
        ("GET", "/api/lists/versions", [.. Everyone.Cast<Role?>()], () => new(HttpMethod.Get, "/api/lists/versions")),
        ("GET", "/api/lists/current", [.. Everyone.Cast<Role?>()], () => new(HttpMethod.Get, "/api/lists/current")),
        ("POST", "/api/licenses", [Role.ComplianceOfficer, Role.Admin], () => new(HttpMethod.Post, "/api/licenses")
        {
            Content = JsonContent.Create(new
            {
                number = $"D{Guid.NewGuid():N}", type = "license", holder = "NVIDIA", validFrom = "2025-08-08", validTo = "2027-08-07",
                destinations = new[] { "CN" }, parties = new[] { new { name = "Tencent Cloud Computing (Beijing) Co., Ltd.", country = "CN" } },
                lines = new[] { new { item = "NVIDIA H20 (HGX H20)", quantity = 10, value = 120000 } },
                conditions = new[] { new { kind = "revenue-share", rate = 0.15 } },
            }),
        }),
        ("GET", "/api/licenses", [.. Everyone.Cast<Role?>()], () => new(HttpMethod.Get, "/api/licenses")),
        ("GET", "/api/licenses/{id:long}", [.. Everyone.Cast<Role?>()], () => new(HttpMethod.Get, "/api/licenses/1")),
        ("GET", "/api/licenses/watch", [.. Everyone.Cast<Role?>()], () => new(HttpMethod.Get, "/api/licenses/watch")),
        ("POST", "/api/licenses/{id:long}/amend", [Role.ComplianceOfficer, Role.Admin], () => new(HttpMethod.Post, "/api/licenses/1/amend")
        {
            Content = JsonContent.Create(new { reason = "" }),
        }),
        ("POST", "/api/licenses/{id:long}/revoke", [Role.ComplianceOfficer, Role.Admin], () => new(HttpMethod.Post, "/api/licenses/999999/revoke")
        {
            Content = JsonContent.Create(new { reason = "the matrix revokes no real license" }),
        }),
        ("POST", "/api/license-applications", [Role.ComplianceOfficer, Role.Admin], () => new(HttpMethod.Post, "/api/license-applications")
        {
            Content = JsonContent.Create(new
            {
                applicant = "NVIDIA", destination = "CN", date = "2025-09-01",
                items = new[] { new { item = "NVIDIA H20 (HGX H20)", quantity = 10, unitPrice = 12000 } },
                parties = new[] { new { role = "buyer", name = "Tencent Cloud Computing (Beijing) Co., Ltd.", country = "CN" } },
            }),
        }),
        ("GET", "/api/license-applications", [.. Everyone.Cast<Role?>()], () => new(HttpMethod.Get, "/api/license-applications")),
        ("GET", "/api/license-applications/{id:long}", [.. Everyone.Cast<Role?>()], () => new(HttpMethod.Get, "/api/license-applications/1")),
        ("POST", "/api/license-applications/{id:long}/submit", [Role.ComplianceOfficer, Role.Admin], () => new(HttpMethod.Post, "/api/license-applications/999999/submit")),
        ("POST", "/api/license-applications/{id:long}/decision", [Role.ComplianceOfficer, Role.Admin], () => new(HttpMethod.Post, "/api/license-applications/999999/decision")
        {
            Content = JsonContent.Create(new { outcome = "denied", note = "the matrix decides no real application" }),
        }),
        ("POST", "/api/license-applications/{id:long}/withdraw", [Role.ComplianceOfficer, Role.Admin], () => new(HttpMethod.Post, "/api/license-applications/999999/withdraw")),
        ("GET", "/api/license-applications/{id:long}/package", [.. Everyone.Cast<Role?>()], () => new(HttpMethod.Get, "/api/license-applications/1/package")),
        ("POST", "/api/orders/{id:long}/shipments", [Role.Sales, Role.Admin], () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders/1/shipments")
            {
                Content = JsonContent.Create(new { lines = new[] { new { line = 0, quantity = 1 } }, invoice = new { number = "INV-1", date = "2024-09-20", amount = 1000 } }),
            };
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
            return request;
        }),
        ("POST", "/api/china-approvals", [Role.ComplianceOfficer], () => new(HttpMethod.Post, "/api/china-approvals")
        {
            Content = JsonContent.Create(new
            {
                buyer = "Tencent Cloud Computing (Beijing) Co., Ltd.", country = "CN", item = "NVIDIA H20 (HGX H20)", quantity = 10, status = "approved",
                date = "2026-01-28", authority = "MOFCOM", reference = $"A-{Guid.NewGuid():N}",
            }),
        }),
        ("GET", "/api/china-approvals", [.. Everyone.Cast<Role?>()], () => new(HttpMethod.Get, "/api/china-approvals")),
        ("GET", "/api/obligations", [Role.ComplianceOfficer, Role.Auditor, Role.Admin], () => new(HttpMethod.Get, "/api/obligations")),
        ("GET", "/api/obligations/statement", [Role.ComplianceOfficer, Role.Auditor, Role.Admin], () => new(HttpMethod.Get, "/api/obligations/statement?quarter=2025Q3")),
        ("POST", "/api/obligations/payments", [Role.ComplianceOfficer, Role.Admin], () => new(HttpMethod.Post, "/api/obligations/payments")
        {
            Content = JsonContent.Create(new { license = "NO-SUCH-LICENSE", quarter = "2025Q3", amount = 1.00, date = "2025-10-15", reference = "TREAS-1" }),
        }),
        ("POST", "/api/what-if", [.. Everyone.Cast<Role?>()], () => new(HttpMethod.Post, "/api/what-if")
        {
            Content = JsonContent.Create(new
            {
                proposal = new { title = "Affiliates rule suspended again", versions = new[] { new { file = "licensing.json", provision = "$.affiliates", patch = new { from = "2027-11-10", inForce = false } } } },
                asOf = "2026-12-01",
            }),
        }),
    ];

    [Fact]
    public async Task Every_role_gets_exactly_the_endpoints_it_is_allowed()
    {
        // A newer CSL: every name the shipped component lists carry and 1,200 more (a smaller download would be refused).
        var shipped = Clearance.Lists.ListVersions.Shipped(ClearanceData.DefaultDirectory).Where(s => s.Source == "csl")
            .SelectMany(s => Clearance.Lists.ListLoader.Load(s.Path, ClearanceData.Load(ClearanceData.DefaultDirectory).Countries).Entries).ToList();
        await using var lists = new ListServer(ListServer.Csl(shipped, 1200));
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        app.Settings["Lists:UpdateSources"] = lists.Url;
        var clients = new Dictionary<Role, HttpClient>();
        foreach (var role in Everyone)
        {
            clients[role] = await app.ClientForAsync(role);
        }

        var failures = new List<string>();
        foreach (var (method, route, allowed, request) in Matrix)
        {
            foreach (var role in Everyone.Cast<Role?>().Prepend(null))
            {
                var client = role is { } r ? clients[r] : app.AnonymousClient();
                var response = await client.SendAsync(request());
                var expected = allowed.Contains(role) ? "allowed" : role is null ? "401" : "403";
                var status = (int)response.StatusCode;
                var actual = status is 401 or 403 || status >= 500 ? status.ToString(System.Globalization.CultureInfo.InvariantCulture) : "allowed";
                if (actual != expected)
                {
                    failures.Add($"{method} {route} as {role?.Name() ?? "anonymous"}: expected {expected}, got {actual}");
                }
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task The_matrix_names_every_api_endpoint_the_service_maps()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        _ = app.AnonymousClient();

        var mapped = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods
                .Select(m => $"{m} {e.RoutePattern.RawText!.TrimEnd('/')}"))
            .Order(StringComparer.Ordinal);

        Assert.Equal(Matrix.Select(row => $"{row.Method} {row.Route}").Order(StringComparer.Ordinal), mapped);
    }

    [Fact]
    public async Task Without_credentials_only_sign_in_and_the_api_description_are_open()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var client = app.AnonymousClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/openapi/v1.json")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/scalar/")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/session", new { userName = "admin", password = "wrong password!" })).StatusCode);
    }
}
