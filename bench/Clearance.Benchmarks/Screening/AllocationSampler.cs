using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Globalization;

namespace Clearance.Benchmarks.Screening;

/// <summary>The runtime's allocation samples (GCAllocationTick: about one per 100 KB allocated), counted by type.</summary>
sealed class AllocationSampler : EventListener
{
    readonly ConcurrentDictionary<string, long> _bytes = new(StringComparer.Ordinal);

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) == true)
        {
            var type = eventData.Payload![eventData.PayloadNames!.IndexOf("TypeName")]?.ToString() ?? "?";
            var amount = Convert.ToInt64(eventData.Payload[eventData.PayloadNames.IndexOf("AllocationAmount")], CultureInfo.InvariantCulture);
            _bytes.AddOrUpdate(type, amount, (_, b) => b + amount);
        }
    }

    /// <summary>The <paramref name="count"/> types sampled most, with their shares of the sampled bytes.</summary>
    public string Describe(int count)
    {
        var total = Math.Max(1, _bytes.Values.Sum());
        return "(the runtime's samples, one per ~100 KB allocated) " + string.Join(", ", _bytes.OrderByDescending(b => b.Value).Take(count)
            .Select(b => string.Create(CultureInfo.InvariantCulture, $"{b.Key} {b.Value * 100.0 / total:F0}%")));
    }
}
