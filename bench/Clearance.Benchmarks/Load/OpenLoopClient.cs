using System.Diagnostics;
using System.Net.Http.Headers;

namespace Clearance.Benchmarks.Load;

/// <summary>
/// Sends POST /api/orders at a fixed arrival rate: request i is due at start + i / rate whatever the answers do, with
/// at most <paramref name="connections"/> in flight. A request that finds every connection busy waits for one, and its
/// latency still counts from when it was due, so a stalled server shows in the latencies instead of slowing the
/// client down (no coordinated omission).
/// </summary>
sealed class OpenLoopClient(HttpClient http, string apiKey, int connections, TimeSpan timeout)
{
    static readonly MediaTypeHeaderValue Json = new("application/json");

    /// <summary>When request <paramref name="index"/> is due, as a Stopwatch timestamp.</summary>
    public static long IntendedTimestamp(long start, long index, double rate) =>
        start + (long)Math.Round(index * (double)Stopwatch.Frequency / rate);

    /// <summary>
    /// Sends <paramref name="count"/> orders at <paramref name="rate"/> per second and waits for every answer;
    /// <paramref name="measuredStarts"/> runs once when request <paramref name="measuredFrom"/> is due (the end of the
    /// warm-up). The calling thread is the dispatcher: it sleeps until each request is due and blocks while every
    /// connection is busy, so it should be a thread of its own (the program's main thread), not a pool thread.
    /// </summary>
    public OpenLoopRun Run(OrderMix mix, int count, double rate, int measuredFrom, Action measuredStarts)
    {
        var records = new RequestRecord[count];
        var inFlight = new Task[count];
        using var slots = new SemaphoreSlim(connections, connections);
        var start = Stopwatch.GetTimestamp() + (Stopwatch.Frequency / 10);
        for (var i = 0; i < count; i++)
        {
            var (idempotencyKey, body) = mix.Next(i + 1);
            var intended = IntendedTimestamp(start, i, rate);
            long? wokeLate = null;
            if (Stopwatch.GetTimestamp() < intended)
            {
                PreciseSleep.Until(intended);
                wokeLate = Stopwatch.GetTimestamp() - intended;
            }

            if (i == measuredFrom)
            {
                measuredStarts();
            }

            var waited = !slots.Wait(0);
            if (waited)
            {
                slots.Wait();
            }

            inFlight[i] = SendAsync(records, i, (intended, waited, wokeLate), idempotencyKey, body, slots);
        }

        Task.WaitAll(inFlight);
        return new OpenLoopRun(start, records);
    }

    async Task SendAsync(
        RequestRecord[] records, int index, (long Intended, bool Waited, long? WokeLate) dispatch, string idempotencyKey, byte[] body, SemaphoreSlim slots)
    {
        var sent = Stopwatch.GetTimestamp();
        var status = 0;
        string? failure = null;
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "api/orders");
            request.Content = new ByteArrayContent(body) { Headers = { ContentType = Json } };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
            request.Headers.Add("Idempotency-Key", idempotencyKey);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, deadline.Token);
            status = (int)response.StatusCode;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            failure = "timeout";
        }
        catch (HttpRequestException e)
        {
            failure = e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
                ? "connection"
                : $"read ({e.HttpRequestError})";
        }
        finally
        {
            records[index] = new RequestRecord(dispatch.Intended, sent, Stopwatch.GetTimestamp(), status, failure, dispatch.Waited, dispatch.WokeLate);
            slots.Release();
        }
    }
}
