using System.Collections.Concurrent;

namespace Clearance.Web.Users;

/// <summary>
/// Slows password guessing down, per user name and per client address: after <see cref="FreeFailuresPerUser"/> failed
/// sign-ins for a name (or <see cref="FreeFailuresPerAddress"/> from an address) every further failure locks it out,
/// for <see cref="FirstLockout"/> doubling with each failure up to <see cref="LongestLockout"/>; a success clears the
/// name's count, and a count untouched for <see cref="Forgotten"/> starts over. Kept in this instance's memory: behind a
/// load balancer each instance counts on its own, and behind a proxy that hides client addresses all clients share one.
/// </summary>
public sealed class SignInThrottle(TimeProvider clock)
{
    public const int FreeFailuresPerUser = 5;
    public const int FreeFailuresPerAddress = 20;
    public static readonly TimeSpan FirstLockout = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan LongestLockout = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan Forgotten = TimeSpan.FromHours(1);

    /// <summary>Beyond this many names and addresses, counts without a lock-out are dropped rather than grow.</summary>
    public const int MaximumTracked = 100_000;

    readonly ConcurrentDictionary<string, Counter> _counters = new(StringComparer.Ordinal);

    /// <summary>How long the name or the address is still locked out; null when a sign-in may be tried now.</summary>
    public TimeSpan? RetryAfter(string userName, string address)
    {
        var now = clock.GetUtcNow();
        var wait = new[] { Locked(UserKey(userName), now), Locked(AddressKey(address), now) }.Max();
        return wait > TimeSpan.Zero ? wait : null;
    }

    /// <summary>Counts a failure; returns the lock-out it started (the longer of name and address), or null.</summary>
    public TimeSpan? Failed(string userName, string address)
    {
        var now = clock.GetUtcNow();
        if (_counters.Count >= MaximumTracked)
        {
            foreach (var (key, counter) in _counters)
            {
                if (counter.LockedUntil <= now)
                {
                    _counters.TryRemove(key, out _);
                }
            }
        }

        var lockedFor = new[] { Fail(UserKey(userName), FreeFailuresPerUser, now), Fail(AddressKey(address), FreeFailuresPerAddress, now) }.Max();
        return lockedFor > TimeSpan.Zero ? lockedFor : null;
    }

    /// <summary>A correct password: the name's failures are forgotten (the address's are not, so one good account
    /// does not reset guessing at others).</summary>
    public void Succeeded(string userName) => _counters.TryRemove(UserKey(userName), out _);

    static string UserKey(string userName) => "user:" + userName;

    static string AddressKey(string address) => "address:" + address;

    TimeSpan Locked(string key, DateTimeOffset now) =>
        _counters.TryGetValue(key, out var counter) ? counter.LockedFor(now) : TimeSpan.Zero;

    TimeSpan Fail(string key, int free, DateTimeOffset now) => _counters.GetOrAdd(key, _ => new Counter()).Fail(free, now);

    sealed class Counter
    {
        readonly Lock _lock = new();
        int _failures;
        DateTimeOffset _lastFailure;

        public DateTimeOffset LockedUntil { get; private set; }

        public TimeSpan LockedFor(DateTimeOffset now)
        {
            lock (_lock)
            {
                return LockedUntil > now ? LockedUntil - now : TimeSpan.Zero;
            }
        }

        public TimeSpan Fail(int free, DateTimeOffset now)
        {
            lock (_lock)
            {
                if (now - _lastFailure > Forgotten)
                {
                    _failures = 0;
                }

                _failures++;
                _lastFailure = now;
                if (_failures < free)
                {
                    return TimeSpan.Zero;
                }

                var doublings = Math.Min(_failures - free, 10);
                var lockout = TimeSpan.FromTicks(Math.Min(FirstLockout.Ticks << doublings, LongestLockout.Ticks));
                LockedUntil = now + lockout;
                return lockout;
            }
        }
    }
}
