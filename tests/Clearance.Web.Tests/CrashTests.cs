using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace Clearance.Web.Tests;

/// <summary>The real server in its own process, killed with SIGKILL in the middle of concurrent writes.</summary>
public sealed partial class CrashTests
{
    const string AdminKey = "crash-test-admin-key-0123456789abcdef0123";

    sealed record Verification(bool Ok, long Events, long? FirstBrokenEvent, string? Problem);

    [Fact]
    public async Task Every_acknowledged_change_survives_a_killed_server_and_the_chain_still_verifies()
    {
        using var database = new DatabaseFile();
        var acknowledged = new ConcurrentBag<string>();
        var refused = new ConcurrentBag<HttpStatusCode>();
        var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (var server = await StartServerAsync(database.Path))
        {
            using var client = Client(server.Address);
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
            {
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    var userName = $"w{w}-{i}";
                    try
                    {
                        var response = await client.PostAsJsonAsync("/api/users", new { userName, role = "viewer" });
                        if (response.StatusCode != HttpStatusCode.Created)
                        {
                            refused.Add(response.StatusCode);
                            return;
                        }

                        Acknowledge(acknowledged, userName, 40, enough);
                    }
                    catch (HttpRequestException)
                    {
                        return;
                    }
                }
            })).ToArray();

            await KillOnceAcknowledgedAsync(server, enough, stop, writers);
        }

        Assert.Empty(refused);

        Assert.True(acknowledged.Count >= 40, $"only {acknowledged.Count} writes were acknowledged before the kill");
        using (var restarted = await StartServerAsync(database.Path))
        {
            using var client = Client(restarted.Address);
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
        var refused = new ConcurrentBag<HttpStatusCode>();
        var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (var server = await StartServerAsync(database.Path))
        {
            using var client = Client(server.Address);
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 16).Select(w => Task.Run(async () =>
            {
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    var reference = $"CRASH-{w}-{i}";
                    try
                    {
                        var response = await client.SendAsync(OrderSamples.Post(ThreePartyOrder(reference, held: i % 4 == 0), $"crash-{w}-{i}"));
                        if (response.StatusCode != HttpStatusCode.Created)
                        {
                            refused.Add(response.StatusCode);
                            return;
                        }

                        var decision = await response.Content.ReadFromJsonAsync<Acknowledged>();
                        Acknowledge(acknowledged, decision!, 60, enough);
                    }
                    catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException or System.Text.Json.JsonException)
                    {
                        // The server died under this request: it was not acknowledged, so nothing is owed for it.
                        return;
                    }
                }
            })).ToArray();

            await KillOnceAcknowledgedAsync(server, enough, stop, writers);
        }

        Assert.Empty(refused);

        Assert.True(acknowledged.Count >= 60, $"only {acknowledged.Count} orders were acknowledged before the kill");
        using (var restarted = await StartServerAsync(database.Path))
        {
            using var client = Client(restarted.Address);
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

    /// <summary>SIGKILLs the server once <paramref name="enough"/> writes were acknowledged (or every writer has stopped,
    /// which the caller's count then shows), then stops the writers, which see their in-flight requests fail. No clock: a
    /// loaded machine only makes the wait longer.</summary>
    static async Task KillOnceAcknowledgedAsync(Server server, TaskCompletionSource enough, CancellationTokenSource stop, Task[] writers)
    {
        await Task.WhenAny(enough.Task, Task.WhenAll(writers));
        server.Process.Kill();
        await server.Process.WaitForExitAsync();
        await stop.CancelAsync();
        await Task.WhenAll(writers);
    }

    /// <summary>Counts an acknowledged write; the <paramref name="wanted"/>th completes <paramref name="enough"/>.</summary>
    static void Acknowledge<T>(ConcurrentBag<T> acknowledged, T write, int wanted, TaskCompletionSource enough)
    {
        acknowledged.Add(write);
        if (acknowledged.Count >= wanted)
        {
            enough.TrySetResult();
        }
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

    static HttpClient Client(Uri address)
    {
        var client = new HttpClient { BaseAddress = address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        return client;
    }

    sealed record Server(Process Process, Uri Address) : IDisposable
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

    /// <summary>Starts the server on port 0, so that it binds a free port itself, and reads the port back from the line the
    /// host logs when it listens; then probes it, a moment apart, until it answers. If the server ends first, its output
    /// is the failure message.</summary>
    static async Task<Server> StartServerAsync(string database)
    {
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
            "--urls", "http://127.0.0.1:0",
            "--Database:Provider", "sqlite",
            "--ConnectionStrings:Clearance", $"Data Source={database}",
            "--Logging:LogLevel:Default", "Warning",
            "--Logging:LogLevel:Microsoft.Hosting.Lifetime", "Information",
        })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["CLEARANCE_ADMIN_API_KEY"] = AdminKey;
        start.Environment["CLEARANCE_ADMIN_PASSWORD"] = "crash test password";
        var output = new ConcurrentQueue<string>();
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the server.");
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not { } line)
            {
                return;
            }

            output.Enqueue(line);
            if (ListeningOn().Match(line) is { Success: true } match)
            {
                listening.TrySetResult(new Uri(match.Groups[1].Value));
            }
        };
        process.ErrorDataReceived += (_, e) => output.Enqueue(e.Data ?? "");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = new Server(process, new Uri("http://127.0.0.1/"));
        var exited = process.WaitForExitAsync();
        if (await Task.WhenAny(listening.Task, exited) != listening.Task)
        {
            server.Dispose();
            throw new InvalidOperationException($"The server ended before it listened:\n{string.Join('\n', output)}");
        }

        server = server with { Address = await listening.Task };
        using var probe = Client(server.Address);
        while (true)
        {
            try
            {
                if ((await probe.GetAsync("/api/session")).IsSuccessStatusCode)
                {
                    return server;
                }
            }
            catch (HttpRequestException) when (!process.HasExited)
            {
            }

            if (process.HasExited)
            {
                server.Dispose();
                throw new InvalidOperationException($"The server ended before it answered:\n{string.Join('\n', output)}");
            }

            await Task.Delay(100);
        }
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningOn();
}
