using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;

namespace Clearance.Web.Tests;

/// <summary>The real server in its own process, killed with SIGKILL in the middle of concurrent writes.</summary>
public sealed class CrashTests
{
    const string AdminKey = "crash-test-admin-key-0123456789abcdef0123";

    sealed record Verification(bool Ok, long Events, long? FirstBrokenEvent, string? Problem);

    [Fact]
    public async Task Every_acknowledged_change_survives_a_killed_server_and_the_chain_still_verifies()
    {
        using var database = new DatabaseFile();
        var acknowledged = new ConcurrentBag<string>();
        using (var server = await StartServerAsync(database.Path))
        {
            using var client = Client(server.Port);
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
            {
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    var userName = $"w{w}-{i}";
                    try
                    {
                        var response = await client.PostAsJsonAsync("/api/users", new { userName, role = "viewer" });
                        if (response.StatusCode == HttpStatusCode.Created)
                        {
                            acknowledged.Add(userName);
                        }
                    }
                    catch (HttpRequestException)
                    {
                        return;
                    }
                }
            })).ToArray();

            await KillOnceAcknowledgedAsync(server, () => acknowledged.Count, 40, stop, writers);
        }

        Assert.True(acknowledged.Count >= 40, $"only {acknowledged.Count} writes were acknowledged before the kill");
        using (var restarted = await StartServerAsync(database.Path))
        {
            using var client = Client(restarted.Port);
            foreach (var userName in acknowledged)
            {
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/users/{userName}")).StatusCode);
            }

            var verification = await client.GetFromJsonAsync<Verification>("/api/audit/verify");
            Assert.True(verification!.Ok, verification.Problem);

            // admin and its key at first start, then one event per user stored.
            Assert.True(verification.Events >= acknowledged.Count + 2);
            restarted.Process.Kill();
            await restarted.Process.WaitForExitAsync();
        }
    }

    sealed record Acknowledged(long Id, string OrderId, string Verdict, string Status);

    [Fact]
    public async Task Every_acknowledged_order_and_decision_survives_a_server_killed_during_a_concurrent_order_load()
    {
        using var database = new DatabaseFile();
        var acknowledged = new ConcurrentBag<Acknowledged>();
        using (var server = await StartServerAsync(database.Path))
        {
            using var client = Client(server.Port);
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 16).Select(w => Task.Run(async () =>
            {
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    var reference = $"CRASH-{w}-{i}";
                    try
                    {
                        var response = await client.SendAsync(OrderSamples.Post(ThreePartyOrder(reference, held: i % 4 == 0), $"crash-{w}-{i}"));
                        if (response.StatusCode == HttpStatusCode.Created)
                        {
                            var decision = await response.Content.ReadFromJsonAsync<Acknowledged>();
                            acknowledged.Add(decision!);
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException or System.Text.Json.JsonException)
                    {
                        // The server died under this request: it was not acknowledged, so nothing is owed for it.
                        return;
                    }
                }
            })).ToArray();

            await KillOnceAcknowledgedAsync(server, () => acknowledged.Count, 60, stop, writers);
        }

        Assert.True(acknowledged.Count >= 60, $"only {acknowledged.Count} orders were acknowledged before the kill");
        using (var restarted = await StartServerAsync(database.Path))
        {
            using var client = Client(restarted.Port);
            foreach (var order in acknowledged)
            {
                var stored = await client.GetFromJsonAsync<Acknowledged>($"/api/orders/{order.Id.ToString(CultureInfo.InvariantCulture)}");
                Assert.Equal(order, stored);
            }

            Assert.Contains(acknowledged, o => o.Status == "held");
            var verification = await client.GetFromJsonAsync<Verification>("/api/audit/verify");
            Assert.True(verification!.Ok, verification.Problem);

            // admin and its key at first start, then one event per order stored.
            Assert.True(verification.Events >= acknowledged.Count + 2);
            restarted.Process.Kill();
            await restarted.Process.WaitForExitAsync();
        }
    }

    /// <summary>Three parties and two lines; held ones name an Entity List end user (Sugon).</summary>
    static string ThreePartyOrder(string reference, bool held) => $$"""
        {"id": "{{reference}}", "date": "2025-06-02", "destination": "VN", "endUse": "datacenter", "exporter": "NVIDIA",
         "parties": [{"role": "buyer", "name": "Saigon Cloud Compute JSC", "country": "VN", "headquarters": "VN"},
                     {"role": "consignee", "name": "Pacific Rim Systems Distribution Inc.", "country": "SG", "headquarters": "SG"},
                     {"role": "end-user", "name": "{{(held ? "Sugon" : "Hanoi University of Science and Technology")}}", "country": "VN", "headquarters": "VN"}],
         "lines": [{"item": "NVIDIA L40", "quantity": 8, "unitPrice": 8500}, {"item": "NVIDIA H100 SXM5 80GB", "quantity": 4, "unitPrice": 27500}]}
        """;

    /// <summary>SIGKILLs the server once <paramref name="wanted"/> writes were acknowledged (or a minute passed), then
    /// stops the writers, which see their in-flight requests fail.</summary>
    static async Task KillOnceAcknowledgedAsync(Server server, Func<int> acknowledged, int wanted, CancellationTokenSource stop, Task[] writers)
    {
        var deadline = Stopwatch.StartNew();
        while (acknowledged() < wanted && deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(20);
        }

        server.Process.Kill();
        await server.Process.WaitForExitAsync();
        await stop.CancelAsync();
        await Task.WhenAll(writers);
    }

    /// <summary>A SQLite database file in the temp folder, deleted with its WAL and shared-memory files at the end.</summary>
    sealed class DatabaseFile : IDisposable
    {
        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"clearance-crash-test-{Guid.NewGuid():N}.db");

        public void Dispose()
        {
            foreach (var file in new[] { Path, Path + "-wal", Path + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    static HttpClient Client(int port)
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        return client;
    }

    sealed record Server(Process Process, int Port) : IDisposable
    {
        public void Dispose()
        {
            if (!Process.HasExited)
            {
                Process.Kill();
                Process.WaitForExit();
            }

            Process.Dispose();
        }
    }

    static async Task<Server> StartServerAsync(string database)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var argument in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "Clearance.Web.dll"),
            "--urls", $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}",
            "--Database:Provider", "sqlite",
            "--ConnectionStrings:Clearance", $"Data Source={database}",
            "--Logging:LogLevel:Default", "Warning",
        })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["CLEARANCE_ADMIN_API_KEY"] = AdminKey;
        start.Environment["CLEARANCE_ADMIN_PASSWORD"] = "crash test password";
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the server.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = new Server(process, port);
        using var probe = Client(port);
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            try
            {
                if ((await probe.GetAsync("/api/session")).IsSuccessStatusCode)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
                await Task.Delay(200);
            }
        }

        server.Dispose();
        throw new TimeoutException("The server did not answer within 60 s.");
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
