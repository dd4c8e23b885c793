using System.Collections.Concurrent;
using Clearance.Users;

namespace Clearance.Web.Users;

/// <summary>
/// Keys this instance found valid, by their hash, for <see cref="Lifetime"/>: an integration posting hundreds of orders a
/// second signs in once per key and period instead of querying the database per request. A key's expiry still applies
/// to the instant (it is cached with the key); a change made elsewhere (another instance, the CLI, the database) is seen
/// within <see cref="Lifetime"/>; this instance clears the cache whenever it changes users or keys itself
/// (<see cref="Clear"/>). Unknown keys are not cached, so guessing fills nothing.
/// </summary>
public sealed class ApiKeyCache(TimeProvider clock)
{
    /// <summary>How long a change made by another instance may take to reach this one.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    /// <summary>Beyond this many keys the cache starts over rather than grow.</summary>
    public const int MaximumKeys = 10_000;

    readonly ConcurrentDictionary<string, (ApiKeyGrant Grant, DateTime CachedUntil)> _grants = new(StringComparer.Ordinal);

    // Bumped by Clear: a grant read from the database before a change this instance made is not cached after it.
    long _generation;

    /// <summary>The key's owner if the key is known and valid now: from the cache while fresh, otherwise from <paramref name="find"/>.</summary>
    public async Task<AuthenticatedUser?> AuthenticateAsync(string keyHash, Func<string, CancellationToken, Task<ApiKeyGrant?>> find, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (!_grants.TryGetValue(keyHash, out var cached) || now >= cached.CachedUntil)
        {
            var generation = Interlocked.Read(ref _generation);
            var grant = await find(keyHash, ct);
            if (grant is null)
            {
                _grants.TryRemove(keyHash, out _);
                return null;
            }

            if (_grants.Count >= MaximumKeys)
            {
                _grants.Clear();
            }

            cached = (grant, now + Lifetime);
            _grants[keyHash] = cached;
            if (Interlocked.Read(ref _generation) != generation)
            {
                _grants.TryRemove(new KeyValuePair<string, (ApiKeyGrant, DateTime)>(keyHash, cached));
            }
        }

        return cached.Grant.IsValidAt(now) ? cached.Grant.User : null;
    }

    /// <summary>Forgets every key, so a change this instance made to users or keys applies to its next request.</summary>
    public void Clear()
    {
        Interlocked.Increment(ref _generation);
        _grants.Clear();
    }
}
