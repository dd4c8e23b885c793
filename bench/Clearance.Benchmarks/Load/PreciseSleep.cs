using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Clearance.Benchmarks.Load;

/// <summary>
/// Blocks the calling thread until a Stopwatch timestamp. Timers and Thread.Sleep wake in whole milliseconds (and
/// often a millisecond late), which at 500 requests/s is half the gap between two requests; on Linux, where Stopwatch
/// timestamps are CLOCK_MONOTONIC nanoseconds, clock_nanosleep to the absolute time wakes within tens of microseconds.
/// </summary>
static class PreciseSleep
{
    const int ClockMonotonic = 1;
    const int TimerAbsoluteTime = 1;
    const int Interrupted = 4;

    static readonly bool Native = OperatingSystem.IsLinux() && Stopwatch.Frequency == 1_000_000_000;

    public static void Until(long timestamp)
    {
        if (Native)
        {
            var at = new TimeSpec(timestamp / 1_000_000_000, timestamp % 1_000_000_000);
            int error;
            do
            {
                error = ClockNanosleep(ClockMonotonic, TimerAbsoluteTime, at, IntPtr.Zero);
            }
            while (error == Interrupted);

            if (error == 0)
            {
                return;
            }
        }

        var ahead = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), timestamp);
        if (ahead > TimeSpan.Zero)
        {
            Thread.Sleep(TimeSpan.FromMilliseconds(Math.Ceiling(ahead.TotalMilliseconds)));
        }
    }

    [DllImport("libc", EntryPoint = "clock_nanosleep")]
    static extern int ClockNanosleep(int clock, int flags, in TimeSpec request, IntPtr remaining);

    [StructLayout(LayoutKind.Sequential)]
    readonly record struct TimeSpec(long Seconds, long Nanoseconds);
}
