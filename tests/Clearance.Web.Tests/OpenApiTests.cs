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

    [Fact]
    public async Task The_openapi_document_names_every_list_format_by_its_wire_name()
    {
        await using var app = await ClearanceApp.CreateAsync<SqliteDatabase>();

        var document = await app.AnonymousClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var schemas = document.GetProperty("components").GetProperty("schemas");
        var format = schemas.GetProperty("ListFormat");
        Assert.Equal(["csl-csv", "csl-json", "ofac-legacy", "bis-dpl", "custom", "party-list-json", "ofac-sdn-json"],
            format.GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        foreach (var view in new[] { "ListInUseView", "ListVersionView" })
        {
            Assert.Equal("#/components/schemas/ListFormat", schemas.GetProperty(view).GetProperty("properties").GetProperty("format").GetProperty("$ref").GetString());
        }
    }

    [Fact]
    public async Task The_openapi_document_cites_no_document_a_user_of_the_service_does_not_have()
    {
        await using var app = await ClearanceApp.CreateAsync<SqliteDatabase>();

        var document = await app.AnonymousClient().GetStringAsync("/openapi/v1.json");

        foreach (var internalDocument in new[] { "DESIGN.md", "STYLE.md", "rules.md", "timeline.md" })
        {
            Assert.DoesNotContain(internalDocument, document, StringComparison.Ordinal);
        }
    }
}
