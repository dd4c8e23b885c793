using System.Text;
using Clearance.Tests.Databases;
using Clearance.Users;

namespace Clearance.Web.Tests;

public sealed class SqliteMalformedRequestTests : MalformedRequestTests<SqliteDatabase>;

public sealed class PostgresMalformedRequestTests : MalformedRequestTests<PostgresDatabase>;

/// <summary>
/// Walks every route of the API with malformed path, query and body values (NUL, bytes that are not UTF-8, wrong
/// types, values out of range, duplicate members, truncated JSON): each must be answered 4xx with problem details in
/// the API's words — never a 500, never a .NET type name, exception or server path.
/// </summary>
public abstract class MalformedRequestTests<TDb>
    where TDb : ITestDatabase, new()
{
    static readonly string[] Leaks = ["System.", "Nullable", "Int64", "Int32", "DateOnly", "Exception", "   at ", "Microsoft.", "/tmp/"];

    static readonly byte[] NotUtf8 = [0x7B, 0x22, 0x6E, 0x61, 0x6D, 0x65, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0xFF, 0x22, 0x7D];

    static IEnumerable<(HttpMethod Method, string Path, HttpContent? Body)> Probes()
    {
        static HttpContent Json(string text) => new StringContent(text, Encoding.UTF8, "application/json");
        static HttpContent Bytes(byte[] bytes) => new ByteArrayContent(bytes) { Headers = { ContentType = new("application/json") } };
        string[] badJson = ["{", "[]", "\"text\"", "{\"a\":}", "\0",
            "{\"userName\": \"a\", \"userName\": \"b\", \"role\": \"sales\", \"role\": \"viewer\", \"name\": \"a\", \"name\": \"b\", \"reason\": \"a\", \"reason\": \"b\", \"expiresAt\": null, \"expiresAt\": null}"];

        foreach (var query in (string[])["from=abc", "to=2026-13-01", "from=2026-06-01&to=2026-01-01", "status=%00", "verdict=x", "destination=%00", "from=99999-01-01"])
        {
            yield return (HttpMethod.Get, $"/api/orders?{query}", null);
        }

        foreach (var query in (string[])["status=x", "partyId=abc", "orderId=1e3", "partyId=99999999999999999999", "list=%00", "source=%00"])
        {
            yield return (HttpMethod.Get, $"/api/alerts?{query}", null);
        }

        foreach (var query in (string[])["openAlerts=maybe", "country=%00", "country=China", "name=%00", "externalReference=%00"])
        {
            yield return (HttpMethod.Get, $"/api/parties?{query}", null);
        }

        foreach (var query in (string[])["from=abc", "to=x", "from=2026-06-01&to=2026-01-01", "from=0001-01-01&to=9999-12-31x"])
        {
            yield return (HttpMethod.Get, $"/api/audit/export?{query}", null);
        }

        foreach (var path in (string[])["/api/orders/abc", "/api/orders/99999999999999999999", "/api/orders/-1", "/api/alerts/0x1", "/api/parties/1e3", "/api/users/%E2%80%AEnimda", "/api/users/a%2Fb", "/api/users/" + new string('a', 300)])
        {
            yield return (HttpMethod.Get, path, null);
        }

        foreach (var text in badJson.Concat(["{\"name\": 5, \"country\": \"CN\"}", "{\"name\": \"A\\u0000B\", \"country\": \"CN\"}", "{\"name\": \"Acme\", \"country\": \"CN\", \"aliases\": [5]}", "{\"name\": \"Acme\", \"country\": \"CN\", \"externalReference\": \"\\u0000\"}"]))
        {
            yield return (HttpMethod.Post, "/api/parties", Json(text));
            yield return (HttpMethod.Put, "/api/parties/1", Json(text));
        }

        yield return (HttpMethod.Post, "/api/parties", Bytes(NotUtf8));
        foreach (var text in badJson.Concat(["{\"reason\": 5}", "{\"reason\": \"\\u0000\"}"]))
        {
            yield return (HttpMethod.Post, "/api/orders/1/release", Json(text));
            yield return (HttpMethod.Post, "/api/alerts/1/disposition", Json(text));
        }

        yield return (HttpMethod.Post, "/api/alerts/1/disposition", Json("{\"disposition\": \"maybe\", \"reason\": \"x\"}"));
        foreach (var text in badJson)
        {
            yield return (HttpMethod.Put, "/api/users/admin/role", Json(text));
        }

        yield return (HttpMethod.Put, "/api/users/admin/role", Json("{\"role\": 5}"));
        yield return (HttpMethod.Put, "/api/users/admin/role", Json("{\"role\": \"root\"}"));
        foreach (var text in badJson.Concat(["{\"userName\": 5, \"role\": \"sales\"}", "{\"userName\": \"a\\u0000b\", \"role\": \"sales\"}", "{\"userName\": \"ok\", \"role\": \"root\"}"]))
        {
            yield return (HttpMethod.Post, "/api/users", Json(text));
        }

        foreach (var text in badJson)
        {
            yield return (HttpMethod.Post, "/api/users/admin/api-keys", Json(text));
            yield return (HttpMethod.Post, "/api/session", Json(text));
        }

        yield return (HttpMethod.Post, "/api/users/admin/api-keys", Json("{\"expiresAt\": \"abc\"}"));
        // A NUL in the path never reaches the application: the server refuses the request line itself.
        yield return (HttpMethod.Post, "/api/users/a%01b/api-keys", Json("{}"));
        yield return (HttpMethod.Delete, "/api/users/a%01b/api-keys", null);
        yield return (HttpMethod.Put, "/api/users/a%01b/role", Json("{\"role\": \"sales\"}"));
        yield return (HttpMethod.Post, "/api/session", Json("{\"userName\": \"a\\u0000b\", \"password\": \"\\u0000\"}"));
        foreach (var query in (string[])["fileName=sdn.csv%00.txt", "fileName=%00", "fileName=..", "fileName=a%2F..%2F..%2Fb.csv", "fileName=x.csv&source=%00", "fileName=x.csv&source=" + new string('a', 300)])
        {
            yield return (HttpMethod.Post, $"/api/lists/versions?{query}", new StringContent("id,name,aliases,country,list\nC-1,Acme,,CN,Watch\n"));
        }

        yield return (HttpMethod.Post, "/api/lists/versions?fileName=x.csv", new ByteArrayContent([]));
        yield return (HttpMethod.Post, "/api/lists/versions?fileName=x.csv", new ByteArrayContent(NotUtf8));
        yield return (HttpMethod.Post, "/api/lists/versions?fileName=x.json", new ByteArrayContent(Encoding.UTF8.GetBytes("{\"results\": [{\"id\": \"1\", \"id\": \"2\", \"name\": \"A\"}]}")));
        foreach (var text in badJson.Append("{\"id\": \"X\", \"date\": \"2025-06-01\", \"destination\": \"CN\", \"parties\": [], \"lines\": [{\"item\": \"NVIDIA H20 (HGX H20)\", \"quantity\": 1e30}]}"))
        {
            yield return (HttpMethod.Post, "/api/orders", Json(text));
        }

        yield return (HttpMethod.Post, "/api/orders", Bytes(NotUtf8));
    }

    [Fact]
    public async Task Every_route_answers_malformed_values_with_a_4xx_in_the_apis_words()
    {
        await using var app = await ClearanceApp.CreateAsync<TDb>();
        var officer = await app.ClientForAsync(Role.ComplianceOfficer);
        var admin = app.AdminClient();
        var failures = new List<string>();
        var probed = 0;
        foreach (var (method, path, body) in Probes())
        {
            // Release and disposition belong to officers, everything else is open to the admin.
            var client = path.Contains("/release", StringComparison.Ordinal) || path.Contains("/disposition", StringComparison.Ordinal) || path.StartsWith("/api/lists", StringComparison.Ordinal)
                ? officer : admin;
            using var request = new HttpRequestMessage(method, path) { Content = body };
            if (path == "/api/orders")
            {
                request.Headers.Add("Idempotency-Key", $"probe-{probed}");
            }

            var response = await client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            probed++;
            var status = (int)response.StatusCode;
            if (status is < 400 or > 499)
            {
                failures.Add($"{method} {path} {Shown(body)}: {status} {Short(text)}");
            }
            else if (Leaks.FirstOrDefault(l => text.Contains(l, StringComparison.Ordinal)) is { } leak)
            {
                failures.Add($"{method} {path} {Shown(body)}: shows '{leak}': {Short(text)}");
            }
            else if (status != 404 && text.Length > 0 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                failures.Add($"{method} {path} {Shown(body)}: {status} is not problem details: {Short(text)}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {probed} probes:\n{string.Join("\n", failures)}");
    }

    static string Shown(HttpContent? body) => body is null ? "" : Short(body.ReadAsStringAsync().GetAwaiter().GetResult());

    static string Short(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
