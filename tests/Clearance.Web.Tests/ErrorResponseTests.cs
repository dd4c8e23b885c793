using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Clearance.Tests.Databases;
using Clearance.Users;
using Clearance.Web.Hosting;

namespace Clearance.Web.Tests;

public sealed class SqliteErrorResponseTests : ErrorResponseTests<SqliteDatabase>;

public sealed class PostgresErrorResponseTests : ErrorResponseTests<PostgresDatabase>;

public abstract class ErrorResponseTests<TDb>
    where TDb : ITestDatabase, new()
{
    static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(" at Clearance.", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(body);
        Assert.Equal((int)status, json.RootElement.GetProperty("status").GetInt32());
        return json.RootElement.Clone();
    }

    [Fact]
    public async Task No_credentials_get_401_problem_details()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();

        await ProblemAsync(await app.AnonymousClient().GetAsync("/api/audit/verify"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_unknown_api_key_gets_401_and_a_bearer_challenge()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();

        var response = await app.ClientWithKey(ApiKeys.Generate()).GetAsync("/api/session");

        await ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
    }

    [Fact]
    public async Task An_expired_api_key_gets_401()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var admin = app.AdminClient();
        (await admin.PostAsJsonAsync("/api/users", new { userName = "erp", role = "sales" })).EnsureSuccessStatusCode();
        var issued = await admin.PostAsJsonAsync("/api/users/erp/api-keys", new { expiresAt = app.Clock.GetUtcNow().AddHours(1) });
        var key = (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
        var erp = app.ClientWithKey(key);
        Assert.Equal(HttpStatusCode.OK, (await erp.GetAsync("/api/session")).StatusCode);

        app.Clock.Advance(TimeSpan.FromHours(1));

        await ProblemAsync(await erp.GetAsync("/api/session"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_key_that_would_expire_in_the_past_is_refused_naming_the_field()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();

        var response = await app.AdminClient().PostAsJsonAsync("/api/users/admin/api-keys", new { expiresAt = app.Clock.GetUtcNow().AddSeconds(-1) });

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("expiresAt", out _));
    }

    [Fact]
    public async Task The_wrong_role_gets_403_problem_details()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var sales = await app.ClientForAsync(Role.Sales);

        await ProblemAsync(await sales.PostAsJsonAsync("/api/users", new { userName = "x", role = "admin" }), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Invalid_fields_are_named_in_a_validation_problem()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();

        var response = await app.AdminClient().PostAsJsonAsync("/api/users", new { userName = "Bad Name", role = "owner", password = "short" });

        var errors = (await ProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal(["password", "role", "userName"], errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Malformed_json_is_a_400_that_points_at_the_field()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();

        var response = await app.AdminClient().PostAsync("/api/users", new StringContent("""{"userName":"x","role":12}""", Encoding.UTF8, "application/json"));

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("$.role", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_query_value_of_the_wrong_type_is_a_400_that_names_the_parameter()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();

        var response = await app.AdminClient().GetAsync("/api/audit/export?from=yesterday&to=2026-01-01");

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("from", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_with_413()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var huge = new string('x', (int)ClearanceWebExtensions.MaxRequestBodyBytes);

        var response = await app.AdminClient().PostAsync("/api/users", new StringContent($$"""{"userName":"{{huge}}","role":"viewer"}""", Encoding.UTF8, "application/json"));

        await ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_taken_user_name_is_a_409_conflict()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();

        var response = await app.AdminClient().PostAsJsonAsync("/api/users", new { userName = "admin", role = "viewer" });

        await ProblemAsync(response, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task An_unknown_user_gets_404_for_keys()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();

        Assert.Equal(HttpStatusCode.NotFound, (await app.AdminClient().PostAsync("/api/users/nobody/api-keys", null)).StatusCode);
    }
}
