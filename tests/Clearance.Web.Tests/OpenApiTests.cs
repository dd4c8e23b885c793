using System.Net.Http.Json;
using System.Text.Json;
using Clearance.Tests.Databases;

namespace Clearance.Web.Tests;

public sealed class OpenApiTests
{
    [Fact]
    public async Task The_openapi_document_describes_the_fixed_routes_and_bearer_keys()
    {
        await using var app = await ClearanceApp.CreateAsync<SqliteDatabase>();

        var document = await app.AnonymousClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/users", "/api/users/{userName}/api-keys", "/api/audit/verify", "/api/audit/export" })
        {
            Assert.True(paths.TryGetProperty(path, out _), path);
        }

        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey").GetProperty("scheme").GetString());
    }
}
