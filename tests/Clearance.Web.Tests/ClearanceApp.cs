using System.Net.Http.Headers;
using System.Net.Http.Json;
using Clearance.Data;
using Clearance.Rules;
using Clearance.Tests.Databases;
using Clearance.Users;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Clearance.Web.Tests;

/// <summary>
/// The whole service in-process, on its own database (a SQLite file or a PostgreSQL database, see
/// <see cref="CreateAsync{TDb}"/>), with a fake clock; each test makes its own and disposes it.
/// First start has created <c>admin</c> with <see cref="AdminPassword"/> and <see cref="AdminApiKey"/>.
/// </summary>
public sealed class ClearanceApp : WebApplicationFactory<Program>
{
    public const string AdminPassword = "admin password for tests";
    public const string AdminApiKey = "test-admin-key-0123456789abcdef0123456789";

    readonly ITestDatabase _database;
    readonly bool _ownsDatabase;

    ClearanceApp(ITestDatabase database, bool ownsDatabase)
    {
        _database = database;
        _ownsDatabase = ownsDatabase;
    }

    /// <summary>The service on a new, empty database of the provider <typeparamref name="TDb"/> stands for.</summary>
    public static async Task<ClearanceApp> CreateAsync<TDb>()
        where TDb : ITestDatabase, new()
    {
        var database = new TDb();
        await database.InitializeAsync();
        return new ClearanceApp(database, ownsDatabase: true);
    }

    /// <summary>Another instance of the service on this one's database, as a second server behind a load balancer.</summary>
    public ClearanceApp SecondInstance() => new(_database, ownsDatabase: false);

    /// <summary>Configuration to add, set before the first client is made.</summary>
    public Dictionary<string, string> Settings { get; } = new(StringComparer.Ordinal);

    /// <summary>What the service logged, at every level.</summary>
    public CapturedLogs Logs { get; } = new();

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 6, 1, 8, 0, 0, TimeSpan.Zero));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Provider", _database.Settings.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Clearance", _database.Settings.ConnectionString);
        builder.UseSetting("CLEARANCE_ADMIN_PASSWORD", AdminPassword);
        builder.UseSetting("CLEARANCE_ADMIN_API_KEY", AdminApiKey);
        // Instances notice another's list import within half a second.
        builder.UseSetting("Lists:PollSeconds", "0.5");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
    }

    public HttpClient ClientWithKey(string apiKey)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return client;
    }

    public HttpClient AdminClient() => ClientWithKey(AdminApiKey);

    public HttpClient AnonymousClient() => CreateClient();

    /// <summary>A new user of the role, created through the API; returns its name and a fresh API key.</summary>
    public async Task<(string UserName, string ApiKey)> CreateUserAsync(Role role, string? password = null)
    {
        var userName = $"{role.Name()}-{Guid.NewGuid():N}";
        var admin = AdminClient();
        (await admin.PostAsJsonAsync("/api/users", new { userName, role = role.Name(), password })).EnsureSuccessStatusCode();
        var response = await admin.PostAsync($"/api/users/{userName}/api-keys", null);
        response.EnsureSuccessStatusCode();
        var issued = await response.Content.ReadFromJsonAsync<IssuedKey>();
        return (userName, issued!.Key);
    }

    public async Task<HttpClient> ClientForAsync(Role role) => ClientWithKey((await CreateUserAsync(role)).ApiKey);

    public async Task<T> QueryAsync<T>(Func<ClearanceDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<ClearanceDbContext>());
    }

    /// <summary>Runs SQL on the database behind the API's back, as someone with access to the server would.</summary>
    public async Task TamperAsync(params string[] statements)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClearanceDbContext>();
        foreach (var sql in statements)
        {
            await db.Database.ExecuteSqlRawAsync(sql);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDatabase)
        {
            await _database.DisposeAsync();
        }
    }

    sealed record IssuedKey(string Key);
}
