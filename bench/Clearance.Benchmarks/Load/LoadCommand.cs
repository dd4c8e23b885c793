using System.Diagnostics;
using System.Globalization;

namespace Clearance.Benchmarks.Load;

/// <summary>
/// <c>load URL --rate 500 --connections 64 --seconds 30 [--warmup 5] [--key KEY] [--timeout 60] [--run PREFIX]
/// [--mark-measured FILE]</c>:
/// an open-loop run of <see cref="OpenLoopClient"/> against a running Clearance.Web. The warm-up requests go at the same
/// rate and are not counted. Latency is from each request's due time; the service time from when it was sent. Exit 0
/// when every counted request was created (201) and the achieved rate is within 2 % of the asked one, 1 when not, 2 on
/// bad arguments. The API key comes from <c>--key</c> or env CLEARANCE_LOAD_KEY, the run prefix of order ids and
/// Idempotency-Keys from <c>--run</c> or env CLEARANCE_LOAD_RUN. <c>--mark-measured</c> creates FILE when the warm-up
/// ends, so a script can read the server's CPU time over the measured part only.
/// </summary>
static class LoadCommand
{
    const string Usage = "usage: load URL --rate PER_SECOND [--connections 64] [--seconds 30] [--warmup 5] [--key API_KEY] [--timeout 60] [--run PREFIX] [--mark-measured FILE]";

    const double AllowedShortfall = 0.02;

    public static int Run(string[] args)
    {
        Uri? url = null;
        double? rate = null;
        var connections = 64;
        var seconds = 30.0;
        var warmup = 5.0;
        var timeout = 60.0;
        var key = Environment.GetEnvironmentVariable("CLEARANCE_LOAD_KEY");
        var run = Environment.GetEnvironmentVariable("CLEARANCE_LOAD_RUN");
        string? mark = null;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (url is not null || !Uri.TryCreate(arg, UriKind.Absolute, out url) || url.Scheme is not ("http" or "https"))
                {
                    return Fail($"load: '{arg}' is not an http(s) URL (or a second URL)");
                }

                continue;
            }

            if (i + 1 >= args.Length)
            {
                return Fail($"load: option '{arg}' needs a value");
            }

            var value = args[++i];
            switch (arg)
            {
                case "--rate" when Positive(value) is { } r:
                    rate = r;
                    break;
                case "--connections" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var c) && c > 0:
                    connections = c;
                    break;
                case "--seconds" when Positive(value) is { } s:
                    seconds = s;
                    break;
                case "--warmup" when NonNegative(value) is { } w:
                    warmup = w;
                    break;
                case "--timeout" when Positive(value) is { } t:
                    timeout = t;
                    break;
                case "--key":
                    key = value;
                    break;
                case "--run":
                    run = value;
                    break;
                case "--mark-measured":
                    mark = value;
                    break;
                case "--rate" or "--connections" or "--seconds" or "--warmup" or "--timeout":
                    return Fail($"load: option '{arg}': '{value}' is not a positive number (0 allowed for --warmup)");
                default:
                    return Fail($"load: unknown option '{arg}'");
            }
        }

        if (url is null || rate is null)
        {
            return Fail("load: a URL and --rate are required");
        }

        if (string.IsNullOrEmpty(key))
        {
            return Fail("load: no API key: pass --key or set CLEARANCE_LOAD_KEY");
        }

        var warmupCount = (int)Math.Round(warmup * rate.Value);
        var measuredCount = (int)Math.Round(seconds * rate.Value);
        if (measuredCount == 0)
        {
            return Fail("load: --rate × --seconds is less than one request");
        }

        run = string.IsNullOrEmpty(run) ? "open" + DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) : run;
        Console.Error.WriteLine(FormattableString.Invariant(
            $"open loop: {rate} requests/s to {url}, at most {connections} in flight, {warmup} s warm-up ({warmupCount} requests, not counted), {seconds} s measured ({measuredCount} requests), run '{run}'"));

        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(timeout),
            UseProxy = false,
            UseCookies = false,
        };
        using var http = new HttpClient(handler) { BaseAddress = url, Timeout = Timeout.InfiniteTimeSpan };
        var client = new OpenLoopClient(http, key, connections, TimeSpan.FromSeconds(timeout));
        var cpuAtMeasured = TimeSpan.Zero;
        var pausesAtMeasured = TimeSpan.Zero;
        var result = client.Run(new OrderMix(run, seed: 1000), warmupCount + measuredCount, rate.Value, warmupCount, () =>
        {
            cpuAtMeasured = Process.GetCurrentProcess().TotalProcessorTime;
            pausesAtMeasured = GC.GetTotalPauseDuration();
            MarkMeasured(mark);
        });
        var clientCpu = Process.GetCurrentProcess().TotalProcessorTime - cpuAtMeasured;
        var clientPauses = GC.GetTotalPauseDuration() - pausesAtMeasured;
        return Report(result, warmupCount, rate.Value, (clientCpu, clientPauses), Console.Out);
    }

    static int Report(OpenLoopRun result, int warmupCount, double rate, (TimeSpan Cpu, TimeSpan GcPauses) client, TextWriter output)
    {
        var measured = result.Requests.AsSpan(warmupCount);
        var windowStart = OpenLoopClient.IntendedTimestamp(result.Start, warmupCount, rate);
        // The window ends when the last counted answer came or when the next request would have been due, whichever is
        // later: n requests at r per second take n / r seconds, not (n - 1) / r.
        var windowEnd = OpenLoopClient.IntendedTimestamp(result.Start, result.Requests.Length, rate);
        var latencies = new double[measured.Length];
        var service = new double[measured.Length];
        var lag = new double[measured.Length];
        var wokeLate = new List<double>(measured.Length);
        var created = 0;
        var waited = 0;
        var failures = new SortedDictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < measured.Length; i++)
        {
            var r = measured[i];
            windowEnd = Math.Max(windowEnd, r.Done);
            latencies[i] = Milliseconds(r.Done - r.Intended);
            service[i] = Milliseconds(r.Done - r.Sent);
            lag[i] = Milliseconds(r.Sent - r.Intended);
            waited += r.WaitedForConnection ? 1 : 0;
            if (r.WokeLate is { } late)
            {
                wokeLate.Add(Milliseconds(late));
            }

            if (r.Status == 201)
            {
                created++;
            }
            else
            {
                var kind = r.Failure ?? $"HTTP {r.Status}";
                failures[kind] = failures.GetValueOrDefault(kind) + 1;
            }
        }

        Array.Sort(latencies);
        Array.Sort(service);
        Array.Sort(lag);
        var woke = wokeLate.ToArray();
        Array.Sort(woke);
        var seconds = Milliseconds(windowEnd - windowStart) / 1000;
        var achieved = created / seconds;
        var failed = measured.Length - created;
        output.WriteLine(FormattableString.Invariant(
            $"requests {measured.Length} in {seconds:0.0} s: {achieved:0} orders/s created (201), asked {rate:0.#}/s (open loop)"));
        output.WriteLine(FormattableString.Invariant(
            $"latency from intended send: p50 {P(latencies, 50)} ms, p90 {P(latencies, 90)} ms, p99 {P(latencies, 99)} ms, p99.9 {P(latencies, 99.9)} ms, max {P(latencies, 100)} ms"));
        output.WriteLine(FormattableString.Invariant(
            $"service time from actual send: p50 {P(service, 50)} ms, p99 {P(service, 99)} ms"));
        output.WriteLine(FormattableString.Invariant(
            $"waited for a free connection: {waited} requests (later ones queue behind them); send lag behind schedule p50 {P(lag, 50)} ms, p99 {P(lag, 99)} ms, max {P(lag, 100)} ms"));
        output.WriteLine(FormattableString.Invariant(
            $"client (same cores as the server): CPU {client.Cpu.TotalSeconds:0.0} s, {client.Cpu.TotalMilliseconds / measured.Length:0.00} ms per request; GC pauses {client.GcPauses.TotalMilliseconds:0} ms; woke late for {woke.Length} requests by p99 {P(woke, 99)} ms, max {P(woke, 100)} ms"));
        output.WriteLine(FormattableString.Invariant(
            $"failed {failed}{(failed > 0 ? " (" + string.Join(", ", failures.Select(f => $"{f.Value} x {f.Key}")) + ")" : "")}"));
        output.WriteLine(FormattableString.Invariant(
            $"RESULT created={created} seconds={seconds:0.00} rate={achieved:0.0} p50_ms={Percentiles.Of(latencies, 50):0.00} p99_ms={Percentiles.Of(latencies, 99):0.00} failed={failed}"));

        var exit = 0;
        if (failed > 0)
        {
            Console.Error.WriteLine(FormattableString.Invariant($"load: {failed} of {measured.Length} requests failed"));
            exit = 1;
        }

        if (achieved < rate * (1 - AllowedShortfall))
        {
            Console.Error.WriteLine(FormattableString.Invariant(
                $"load: achieved {achieved:0.0} orders/s is more than {AllowedShortfall:P0} short of the asked {rate:0.#}/s"));
            exit = 1;
        }

        return exit;
    }

    static void MarkMeasured(string? file)
    {
        if (file is not null)
        {
            File.WriteAllText(file, "");
        }
    }

    static string P(double[] sorted, double percent) =>
        Percentiles.Of(sorted, percent).ToString("0.0", CultureInfo.InvariantCulture);

    static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    static double? Positive(string value) => NonNegative(value) is > 0 and var v ? v : null;

    static double? NonNegative(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v >= 0 && double.IsFinite(v) ? v : null;

    static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        Console.Error.WriteLine(Usage);
        return 2;
    }
}
