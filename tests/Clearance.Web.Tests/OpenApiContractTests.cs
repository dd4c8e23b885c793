using System.Net.Http.Json;
using System.Text.Json;
using Clearance.Tests.Databases;

namespace Clearance.Web.Tests;

/// <summary>
/// The OpenAPI document describes every contract route of DESIGN.md ("HTTP API" and "Licenses, shipments,
/// obligations") with a typed request and response (a schema with properties, not a bare object) and the problem-details
/// responses the route can give.
/// </summary>
public sealed class OpenApiContractTests
{
    const int Json = 0, File = 1;

    /// <summary>Method, path, success status, what the success returns, and the error statuses the route can answer.
    /// Every route here needs an API key with a role: 401 without one, 403 with the wrong role.</summary>
    public static TheoryData<string, string, int, int, int[]> Routes => new()
    {
        { "post", "/api/users", 201, Json, [400, 409, 413] },
        { "get", "/api/users/{userName}", 200, Json, [404] },
        { "post", "/api/users/{userName}/api-keys", 201, Json, [400, 404, 413] },
        { "post", "/api/orders", 201, Json, [400, 413, 422] },
        { "get", "/api/orders", 200, Json, [400] },
        { "get", "/api/orders/{id}", 200, Json, [404] },
        { "post", "/api/orders/{id}/release", 200, Json, [400, 404, 409, 413] },
        { "post", "/api/orders/{id}/shipments", 201, Json, [400, 404, 409, 413, 422] },
        { "get", "/api/audit/verify", 200, Json, [400] },
        { "get", "/api/audit/export", 200, File, [400] },
        { "get", "/api/alerts", 200, Json, [400] },
        { "get", "/api/alerts/{id}", 200, Json, [404] },
        { "post", "/api/alerts/{id}/disposition", 200, Json, [400, 404, 409, 413] },
        { "post", "/api/parties", 201, Json, [400, 409, 413] },
        { "get", "/api/parties", 200, Json, [400] },
        { "get", "/api/parties/{id}", 200, Json, [404] },
        { "put", "/api/parties/{id}", 200, Json, [400, 404, 409, 413] },
        { "get", "/api/lists/versions", 200, Json, [] },
        { "get", "/api/lists/current", 200, Json, [] },
        { "post", "/api/lists/versions", 201, Json, [400, 409, 413] },
        { "post", "/api/lists/versions/{id}/approve", 200, Json, [404, 409] },
        { "post", "/api/lists/update", 201, Json, [400, 409, 502] },
        { "post", "/api/licenses", 201, Json, [400, 413] },
        { "get", "/api/licenses", 200, Json, [] },
        { "get", "/api/licenses/{id}", 200, Json, [404] },
        { "get", "/api/licenses/watch", 200, Json, [] },
        { "post", "/api/licenses/{id}/amend", 200, Json, [400, 404, 409, 413] },
        { "post", "/api/licenses/{id}/revoke", 200, Json, [400, 404, 409, 413] },
        { "post", "/api/license-applications", 201, Json, [400, 413] },
        { "get", "/api/license-applications", 200, Json, [] },
        { "get", "/api/license-applications/{id}", 200, Json, [404] },
        { "post", "/api/license-applications/{id}/submit", 200, Json, [404, 409] },
        { "post", "/api/license-applications/{id}/decision", 200, Json, [400, 404, 409, 413] },
        { "post", "/api/license-applications/{id}/withdraw", 200, Json, [400, 404, 409, 413] },
        { "get", "/api/license-applications/{id}/package", 200, File, [400, 404] },
        { "post", "/api/china-approvals", 201, Json, [400, 413] },
        { "get", "/api/china-approvals", 200, Json, [] },
        { "get", "/api/obligations", 200, Json, [400] },
        { "get", "/api/obligations/statement", 200, Json, [400] },
        { "post", "/api/obligations/payments", 201, Json, [400, 413] },
        { "post", "/api/what-if", 200, Json, [400, 413] },
    };

    /// <summary>Routes whose body is a file taken as it is (a list in its published format).</summary>
    static readonly string[] RawBodies = ["/api/lists/versions"];

    static JsonElement? _document;

    static async Task<JsonElement> DocumentAsync()
    {
        if (_document is { } cached)
        {
            return cached;
        }

        await using var app = await ClearanceApp.CreateAsync<SqliteDatabase>();
        var document = await app.AnonymousClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        _document = document;
        return document;
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task A_contract_route_is_documented_with_typed_shapes_and_its_problem_responses(
        string method, string path, int success, int kind, int[] errors)
    {
        var document = await DocumentAsync();
        Assert.True(document.GetProperty("paths").TryGetProperty(path, out var item), $"{path} is not in the document");
        Assert.True(item.TryGetProperty(method, out var operation), $"{method} {path} is not in the document");
        var responses = operation.GetProperty("responses");

        Assert.True(responses.TryGetProperty(success.ToString(System.Globalization.CultureInfo.InvariantCulture), out var ok), $"{method} {path}: no {success} response");
        if (kind == Json)
        {
            var schema = ok.GetProperty("content").GetProperty("application/json").GetProperty("schema");
            AssertTyped(document, schema, $"{method} {path} {success}");
        }
        else
        {
            Assert.True(ok.TryGetProperty("content", out var content) && content.EnumerateObject().Any(), $"{method} {path}: the file's media types");
        }

        if (!RawBodies.Contains(path) && operation.TryGetProperty("requestBody", out var body) && body.GetProperty("content").TryGetProperty("application/json", out var json))
        {
            AssertTyped(document, json.GetProperty("schema"), $"{method} {path} request");
        }

        foreach (var status in errors.Concat([401, 403]))
        {
            var code = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(responses.TryGetProperty(code, out var error), $"{method} {path}: {status} is not documented");
            var problem = error.TryGetProperty("content", out var content) && content.TryGetProperty("application/problem+json", out var media) ? media : default;
            Assert.True(problem.ValueKind == JsonValueKind.Object, $"{method} {path}: {status} is not documented as problem details");
            var properties = Resolve(document, problem.GetProperty("schema")).GetProperty("properties");
            Assert.True(properties.TryGetProperty("status", out _) && properties.TryGetProperty("title", out _), $"{method} {path}: {status} is not a problem-details schema");
        }
    }

    /// <summary>Request bodies read by the service's own readers (to name the JSON path of each problem) are documented
    /// down to their nested objects: the what-if proposal and its versions, its orders, and an order line's inline spec.</summary>
    [Theory]
    [InlineData("post", "/api/what-if", "proposal")]
    [InlineData("post", "/api/what-if", "proposal.versions")]
    [InlineData("post", "/api/what-if", "orders")]
    [InlineData("post", "/api/what-if", "orders.parties")]
    [InlineData("post", "/api/what-if", "orders.lines")]
    [InlineData("post", "/api/what-if", "orders.lines.spec")]
    [InlineData("post", "/api/orders", "lines.spec")]
    public async Task A_request_body_is_typed_down_to_its_nested_objects(string method, string path, string member)
    {
        var document = await DocumentAsync();
        var schema = document.GetProperty("paths").GetProperty(path).GetProperty(method)
            .GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        foreach (var name in member.Split('.'))
        {
            var resolved = Resolve(document, schema);
            while (resolved.TryGetProperty("items", out var items))
            {
                resolved = Resolve(document, items);
            }

            Assert.True(resolved.TryGetProperty("properties", out var properties) && properties.TryGetProperty(name, out schema),
                $"{method} {path}: '{name}' of {member} is not described: {resolved}");
        }

        AssertTyped(document, schema, $"{method} {path} {member}");
    }

    /// <summary>Routes that answer in another media type than JSON, besides JSON or instead: CSV as text, JSON lines
    /// with the schema of one line.</summary>
    [Theory]
    [InlineData("/api/audit/export", "application/x-ndjson")]
    [InlineData("/api/obligations/statement", "text/csv")]
    [InlineData("/api/obligations/statement", "application/json")]
    [InlineData("/api/license-applications/{id}/package", "text/csv")]
    [InlineData("/api/license-applications/{id}/package", "text/plain")]
    public async Task A_route_documents_each_media_type_it_answers_in(string path, string mediaType)
    {
        var document = await DocumentAsync();
        var content = document.GetProperty("paths").GetProperty(path).GetProperty("get").GetProperty("responses").GetProperty("200").GetProperty("content");
        Assert.True(content.TryGetProperty(mediaType, out var media), $"{path}: {mediaType} is not documented: {content}");
        var schema = media.GetProperty("schema");
        if (mediaType.StartsWith("text/", StringComparison.Ordinal))
        {
            Assert.Equal("string", Resolve(document, schema).GetProperty("type").GetString());
        }
        else
        {
            AssertTyped(document, schema, $"{path} {mediaType}");
        }
    }

    /// <summary>A schema with properties (or an array of such, or a string enum); not a bare or generic object.</summary>
    static void AssertTyped(JsonElement document, JsonElement schema, string where)
    {
        var resolved = Resolve(document, schema);
        if (resolved.TryGetProperty("items", out var items))
        {
            AssertTyped(document, items, where + " items");
            return;
        }

        Assert.True(resolved.TryGetProperty("properties", out var properties) && properties.EnumerateObject().Any(),
            $"{where}: the schema is not typed: {resolved}");
    }

    /// <summary>The schema a reference names; of an optional value (<c>oneOf: [null, X]</c>), X.</summary>
    static JsonElement Resolve(JsonElement document, JsonElement schema)
    {
        while (true)
        {
            if (schema.TryGetProperty("oneOf", out var choices) || schema.TryGetProperty("anyOf", out choices))
            {
                schema = Assert.Single(choices.EnumerateArray(), c => !(c.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "null"));
                continue;
            }

            if (!schema.TryGetProperty("$ref", out var reference))
            {
                return schema;
            }

            var name = reference.GetString()!["#/components/schemas/".Length..];
            schema = document.GetProperty("components").GetProperty("schemas").GetProperty(name);
        }
    }
}
